// Errors the client makes up itself (the request never reached the desk), as the contract's codes.
import { errorOf, type DeskErrorData } from '../../../electron/contract/index.ts';

export const unreachable = (): DeskErrorData => errorOf({ code: 'UNREACHABLE' });
export const noToken = (): DeskErrorData => errorOf({ code: 'NO_TOKEN' });
