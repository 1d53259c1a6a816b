/**
 * plateau's words and numbers in French (default) and English: dictionaries, `t()`, labels of
 * the domain's codes and `Intl` formatting. Pure: the web app and the PDF reports share it.
 */
export * from './lang.ts';
export * from './format.ts';
export * from './translate.ts';
export * from './message-format.ts';
export * from './labels.ts';
