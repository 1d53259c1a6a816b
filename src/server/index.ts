/**
 * plateau's HTTP server: the Hono app (`createApp`, for tests and embedding) and a Node server
 * running it (`startServer`). The OpenAPI document describes every route.
 */
export { createApp } from './app.ts';
export type { AppOptions } from './app.ts';
export { startServer } from './start-server.ts';
export type { RunningServer, StartServerOptions } from './start-server.ts';
export type { SamplesLoader } from './campaign-cache.ts';
export { OPENAPI } from './openapi.ts';
export { DEFAULT_UPLOAD_LIMITS } from './uploads/upload-files.ts';
export type { UploadLimits } from './uploads/upload-files.ts';
