// Result types of the contract's methods: what the core returns and the renderer shows.
import type { Locale, Role } from './fields.ts';

export interface SessionUser {
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
}

export interface DeskDetails {
  companyJa: string;
  companyEn: string;
  deskNameJa: string;
  deskNameEn: string;
  postalCode: string;
  addressJa: string;
  addressEn: string;
  email: string;
  phone: string;
}

export interface DeskSettings {
  desk: DeskDetails;
  idleLockMinutes: number;
  defaultLocale: Locale;
}

export type DeskState = 'new' | 'locked' | 'unlocked';

export interface DeskStatus {
  state: DeskState;
  /** Set when the desk's files are damaged or incomplete: login cannot work until it is fixed. */
  problem: { code: 'STORAGE_DAMAGED'; message: string } | null;
  /** Names from the desk's settings; null while the desk is new or locked (they live in the database). */
  deskName: string | null;
  user: SessionUser | null;
  idleLockMinutes: number | null;
  mode: 'electron' | 'browser';
  version: string;
}

export interface Account {
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface SetupResult {
  recoveryKey: string;
  user: SessionUser;
}

export interface OneTimePassword {
  username: string;
  oneTimePassword: string;
}
