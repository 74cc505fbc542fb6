// Errors the client makes up itself (the request never reached the desk). The i18n layer recognises
// these exact messages and shows its own translation instead.
export const UNREACHABLE_MESSAGE =
  'The desk service is not reachable. Check that Privacy Desk is still running, then reload this page.';
export const NO_TOKEN_MESSAGE =
  'This page has no access token. Open the exact address Privacy Desk printed (it ends in #token=…).';
