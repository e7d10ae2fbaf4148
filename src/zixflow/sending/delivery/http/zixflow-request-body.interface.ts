/** A request body ready to post; `to` is only read for masked logging, `phoneId` for pacing. */
export interface ZixflowRequestBody {
  to: string;
  phoneId: string;
  [field: string]: unknown;
}
