import type { DocName } from '@judgehub/model';
import type { Role } from '@judgehub/store';

export interface Principal {
  role: Role;
  judgeId: string | null;
  label: string;
}

export interface DocRights {
  read: boolean;
  write: boolean;
}

/**
 * Who may read and write which document (DESIGN.md, Documents). `results` is written only by
 * the hub itself, so no principal has write access to it; `display` is read by every screen.
 */
export function rightsFor(principal: Principal, doc: DocName): DocRights {
  // A team's code shows only its own feedback, over HTTP once released (teamApi.ts).
  if (principal.role === 'team') return { read: false, write: false };
  switch (doc.kind) {
    case 'event':
      return { read: true, write: principal.role === 'organiser' };
    case 'results':
      return { read: true, write: false };
    case 'control':
      // Rounds, locks, notices and the results release: the organiser and the head judge.
      return {
        read: true,
        write: principal.role === 'organiser' || principal.role === 'head-judge',
      };
    case 'display':
      // The organiser and head judge run the screens (modes, freeze, awards reveal).
      return {
        read: true,
        write: principal.role === 'organiser' || principal.role === 'head-judge',
      };
    case 'sheets': {
      const own = principal.role === 'judge' && principal.judgeId === doc.judgeId;
      const head = principal.role === 'head-judge';
      return { read: own || head || principal.role === 'organiser', write: own || head };
    }
  }
}

/** The origin recorded in the audit trail for a principal's writes. Never the token. */
export function auditOrigin(principal: Principal): string {
  return principal.judgeId ? `${principal.role}:${principal.judgeId}` : principal.role;
}
