import type { z } from "zod";
import * as c from "./contract";

/**
 * Every /api/v1/ operation, once: its method and path, what its `{id}` names, its input and answer
 * schemas, and which failures it can answer. The route files take their schemas from here
 * (app/_server/api-route.ts) and the OpenAPI document is generated from here
 * (openapi-document.ts); app/api/v1/openapi.test.ts checks that every route file is listed and
 * every listed operation has its route.
 *
 * Another feature adds an operation by adding an entry here and a route file calling `apiRoute`.
 */
export type ApiOperation = {
  operationId: string;
  method: "get" | "post" | "patch" | "put" | "delete";
  /** OpenAPI path (`{id}` for the id segment, as Next's `[id]`). */
  path: string;
  summary: string;
  /** What `{id}` names: the route resolves the caller on it (404 for another organisation's). */
  on?: "case" | "meeting" | "agreement";
  /**
   * What `{id}` names when the use-case resolves it itself, because the caller need not be on
   * the case (a team lead acts on any of the organisation's cases); 404 for another organisation's.
   */
  pathId?: "case";
  body?: z.ZodType;
  query?: z.ZodObject;
  /** The success status and its body: a schema, or a file type. */
  status: 200 | 201;
  response: z.ZodType | { file: "application/pdf" | "application/json" };
  /** The operation can meet a state conflict (409): a closed case, a cancelled meeting … */
  conflict?: boolean;
};

export const API_OPERATIONS = {
  createCase: {
    operationId: "createCase",
    method: "post",
    path: "/api/v1/cases",
    summary: "Open a case for one of the organisation's caseworkers",
    body: c.ZApiNewCase,
    status: 201,
    response: c.ZApiCreated,
  },
  listCases: {
    operationId: "listCases",
    method: "get",
    path: "/api/v1/cases",
    summary: "The organisation's cases (for a caseworker: their own; for a team lead: the team's), 50 a page, newest first",
    query: c.ZApiCaseListQuery,
    status: 200,
    response: c.ZApiCaseList,
  },
  getCase: {
    operationId: "getCase",
    method: "get",
    path: "/api/v1/cases/{id}",
    summary: "A case and its meetings (no plan, notes or health data)",
    on: "case",
    status: 200,
    response: c.ZApiCase,
  },
  closeCase: {
    operationId: "closeCase",
    method: "post",
    path: "/api/v1/cases/{id}/close",
    summary: "Close a case with its outcome and date (409 when it is closed already)",
    on: "case",
    body: c.ZApiCloseCase,
    status: 200,
    response: c.ZApiClosed,
    conflict: true,
  },
  assignCase: {
    operationId: "assignCase",
    method: "post",
    path: "/api/v1/cases/{id}/assign",
    summary:
      "A team lead (with their staff session) hands a case to another caseworker of the organisation; the employee is told who their caseworker now is (409 when the case is closed)",
    pathId: "case",
    body: c.ZApiAssignCase,
    status: 200,
    response: c.ZApiAssigned,
    conflict: true,
  },
  scheduleMeeting: {
    operationId: "scheduleMeeting",
    method: "post",
    path: "/api/v1/cases/{id}/meetings",
    summary: "Schedule a meeting of a case (a follow-up meeting starts from the binding agreement)",
    on: "case",
    body: c.ZApiNewMeeting,
    status: 201,
    response: c.ZApiMeetingCreated,
    conflict: true,
  },
  changeMeeting: {
    operationId: "changeMeeting",
    method: "patch",
    path: "/api/v1/meetings/{id}",
    summary: "Move or cancel a meeting; the invitees are told and their calendars follow (409 when held or cancelled)",
    on: "meeting",
    body: c.ZApiMeetingChange,
    status: 200,
    response: c.ZApiMeetingChanged,
    conflict: true,
  },
  invite: {
    operationId: "invite",
    method: "post",
    path: "/api/v1/meetings/{id}/invitations",
    summary: "Invite a person to the meeting's case: their personal link, shown once",
    on: "meeting",
    body: c.ZApiInvitation,
    status: 201,
    response: c.ZApiInvited,
    conflict: true,
  },
  listAgreements: {
    operationId: "listAgreements",
    method: "get",
    path: "/api/v1/cases/{id}/agreements",
    summary: "Every agreement version of a case, and which one binds",
    on: "case",
    status: 200,
    response: c.ZApiAgreementList,
  },
  agreementPdf: {
    operationId: "agreementPdf",
    method: "get",
    path: "/api/v1/agreements/{id}/pdf",
    summary: "A sealed agreement version as PDF",
    on: "agreement",
    status: 200,
    response: { file: "application/pdf" },
    conflict: true,
  },
  agreementBundle: {
    operationId: "agreementBundle",
    method: "get",
    path: "/api/v1/agreements/{id}/bundle",
    summary: "A sealed agreement version's verification file (`npm run verify` checks it offline)",
    on: "agreement",
    status: 200,
    response: { file: "application/json" },
    conflict: true,
  },
} as const satisfies Record<string, ApiOperation>;

export type ApiOperationName = keyof typeof API_OPERATIONS;
