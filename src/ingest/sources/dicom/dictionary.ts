/**
 * The value representations of the tags plateau reads, for implicit-VR data sets (which do not
 * carry them). Only what the adapter and the DICOMDIR check use: any other tag read implicitly is
 * kept as binary (`UN`), which is harmless because nothing reads it.
 */

/** Keyword → tag number of every attribute the DICOM source reads. */
export const TAG = {
  SpecificCharacterSet: 0x00080005,
  ImageType: 0x00080008,
  InstanceCreationDate: 0x00080012,
  InstanceCreationTime: 0x00080013,
  SOPClassUID: 0x00080016,
  SOPInstanceUID: 0x00080018,
  StudyDate: 0x00080020,
  SeriesDate: 0x00080021,
  AcquisitionDate: 0x00080022,
  ContentDate: 0x00080023,
  AcquisitionDateTime: 0x0008002a,
  StudyTime: 0x00080030,
  SeriesTime: 0x00080031,
  AcquisitionTime: 0x00080032,
  ContentTime: 0x00080033,
  AccessionNumber: 0x00080050,
  IssuerOfAccessionNumberSequence: 0x00080051,
  StationAETitle: 0x00080055,
  Modality: 0x00080060,
  ModalitiesInStudy: 0x00080061,
  Manufacturer: 0x00080070,
  InstitutionName: 0x00080080,
  InstitutionAddress: 0x00080081,
  ReferringPhysicianName: 0x00080090,
  CodeValue: 0x00080100,
  CodingSchemeDesignator: 0x00080102,
  CodeMeaning: 0x00080104,
  TimezoneOffsetFromUTC: 0x00080201,
  StationName: 0x00081010,
  StudyDescription: 0x00081030,
  ProcedureCodeSequence: 0x00081032,
  InstitutionalDepartmentName: 0x00081040,
  PerformingPhysicianName: 0x00081050,
  OperatorsName: 0x00081070,
  ManufacturerModelName: 0x00081090,
  ReferencedPerformedProcedureStepSequence: 0x00081111,
  ReferencedSeriesSequence: 0x00081115,
  ReferencedImageSequence: 0x00081140,
  PatientName: 0x00100010,
  PatientID: 0x00100020,
  IssuerOfPatientID: 0x00100021,
  PatientBirthDate: 0x00100030,
  PatientSex: 0x00100040,
  OtherPatientIDs: 0x00101000,
  OtherPatientNames: 0x00101001,
  OtherPatientIDsSequence: 0x00101002,
  PatientBirthName: 0x00101005,
  PatientAge: 0x00101010,
  PatientAddress: 0x00101040,
  PatientMotherBirthName: 0x00101060,
  PatientTelephoneNumbers: 0x00102154,
  DeviceSerialNumber: 0x00181000,
  AcquisitionDuration: 0x00189073,
  FrameAcquisitionDateTime: 0x00189074,
  StudyInstanceUID: 0x0020000d,
  SeriesInstanceUID: 0x0020000e,
  StudyID: 0x00200010,
  SeriesNumber: 0x00200011,
  InstanceNumber: 0x00200013,
  FrameContentSequence: 0x00209111,
  RequestingService: 0x00321033,
  RequestedProcedureCodeSequence: 0x00321064,
  AdmissionID: 0x00380010,
  CurrentPatientLocation: 0x00380300,
  ScheduledProcedureStepID: 0x00400009,
  PerformedStationAETitle: 0x00400241,
  PerformedStationName: 0x00400242,
  PerformedLocation: 0x00400243,
  PerformedProcedureStepStartDate: 0x00400244,
  PerformedProcedureStepStartTime: 0x00400245,
  PerformedProcedureStepEndDate: 0x00400250,
  PerformedProcedureStepEndTime: 0x00400251,
  PerformedProcedureStepStatus: 0x00400252,
  PerformedProcedureStepID: 0x00400253,
  PerformedProtocolCodeSequence: 0x00400260,
  ScheduledStepAttributesSequence: 0x00400270,
  RequestAttributesSequence: 0x00400275,
  PerformedSeriesSequence: 0x00400340,
  RequestedProcedureID: 0x00401001,
  IconImageSequence: 0x00880200,
  SharedFunctionalGroupsSequence: 0x52009229,
  PerFrameFunctionalGroupsSequence: 0x52009230,
  FileSetID: 0x00041130,
  DirectoryRecordSequence: 0x00041220,
  DirectoryRecordType: 0x00041430,
  ReferencedFileID: 0x00041500,
  MediaStorageSOPClassUID: 0x00020002,
  TransferSyntaxUID: 0x00020010,
  SourceApplicationEntityTitle: 0x00020016,
  PixelData: 0x7fe00010,
} as const;

const VR: Record<number, string> = {};
const add = (vr: string, ...tags: number[]): void => {
  for (const t of tags) VR[t] = vr;
};
add(
  'CS',
  TAG.SpecificCharacterSet,
  TAG.ImageType,
  TAG.Modality,
  TAG.ModalitiesInStudy,
  TAG.PatientSex,
);
add(
  'CS',
  TAG.PerformedProcedureStepStatus,
  TAG.FileSetID,
  TAG.DirectoryRecordType,
  TAG.ReferencedFileID,
);
add(
  'DA',
  TAG.InstanceCreationDate,
  TAG.StudyDate,
  TAG.SeriesDate,
  TAG.AcquisitionDate,
  TAG.ContentDate,
);
add(
  'DA',
  TAG.PatientBirthDate,
  TAG.PerformedProcedureStepStartDate,
  TAG.PerformedProcedureStepEndDate,
);
add(
  'TM',
  TAG.InstanceCreationTime,
  TAG.StudyTime,
  TAG.SeriesTime,
  TAG.AcquisitionTime,
  TAG.ContentTime,
);
add('TM', TAG.PerformedProcedureStepStartTime, TAG.PerformedProcedureStepEndTime);
add('DT', TAG.AcquisitionDateTime, TAG.FrameAcquisitionDateTime);
add('UI', TAG.SOPClassUID, TAG.SOPInstanceUID, TAG.StudyInstanceUID, TAG.SeriesInstanceUID);
add('UI', TAG.MediaStorageSOPClassUID, TAG.TransferSyntaxUID);
add(
  'SH',
  TAG.AccessionNumber,
  TAG.CodeValue,
  TAG.CodingSchemeDesignator,
  TAG.TimezoneOffsetFromUTC,
  TAG.StationName,
);
add(
  'SH',
  TAG.StudyID,
  TAG.PatientTelephoneNumbers,
  TAG.ScheduledProcedureStepID,
  TAG.PerformedStationName,
);
add('SH', TAG.PerformedLocation, TAG.PerformedProcedureStepID, TAG.RequestedProcedureID);
add('LO', TAG.Manufacturer, TAG.InstitutionName, TAG.CodeMeaning, TAG.StudyDescription);
add(
  'LO',
  TAG.InstitutionalDepartmentName,
  TAG.ManufacturerModelName,
  TAG.PatientID,
  TAG.IssuerOfPatientID,
);
add('LO', TAG.OtherPatientIDs, TAG.PatientAddress, TAG.DeviceSerialNumber, TAG.RequestingService);
add('LO', TAG.AdmissionID, TAG.CurrentPatientLocation);
add(
  'PN',
  TAG.ReferringPhysicianName,
  TAG.PerformingPhysicianName,
  TAG.OperatorsName,
  TAG.PatientName,
);
add('PN', TAG.OtherPatientNames, TAG.PatientBirthName, TAG.PatientMotherBirthName);
add('ST', TAG.InstitutionAddress);
add('AE', TAG.StationAETitle, TAG.PerformedStationAETitle, TAG.SourceApplicationEntityTitle);
add('AS', TAG.PatientAge);
add('IS', TAG.SeriesNumber, TAG.InstanceNumber);
add('FD', TAG.AcquisitionDuration);
add(
  'SQ',
  TAG.IssuerOfAccessionNumberSequence,
  TAG.ProcedureCodeSequence,
  TAG.ReferencedSeriesSequence,
);
add(
  'SQ',
  TAG.ReferencedImageSequence,
  TAG.ReferencedPerformedProcedureStepSequence,
  TAG.OtherPatientIDsSequence,
);
add(
  'SQ',
  TAG.FrameContentSequence,
  TAG.RequestedProcedureCodeSequence,
  TAG.PerformedProtocolCodeSequence,
);
add(
  'SQ',
  TAG.ScheduledStepAttributesSequence,
  TAG.RequestAttributesSequence,
  TAG.PerformedSeriesSequence,
);
add(
  'SQ',
  TAG.IconImageSequence,
  TAG.SharedFunctionalGroupsSequence,
  TAG.PerFrameFunctionalGroupsSequence,
);
add('SQ', TAG.DirectoryRecordSequence);
// DICOMDIR offsets and flags.
add('UL', 0x00041200, 0x00041202, 0x00041400, 0x00041420);
add('US', 0x00041212, 0x00041410);

/** The VR of `tag` for implicit-VR reading: group lengths are UL; unknown tags are `UN`. */
export function implicitVr(tag: number): string {
  if ((tag & 0xffff) === 0) return 'UL';
  return VR[tag] ?? 'UN';
}
