// The content shape of a notice is owned by the contract (the renderer previews it); the core's
// notices, mail and letters import it from here.
export type { BilingualText, NoticeContent, NoticeFact } from '../../contract/index.ts';
