import type Database from 'better-sqlite3';

/** `team`: a team's code for its own feedback once results are released; opens no document. */
export type Role = 'organiser' | 'head-judge' | 'judge' | 'scoreboard' | 'team';

export interface TokenRecord {
  token: string;
  role: Role;
  judgeId: string | null;
  label: string;
  /**
   * The team a `team` token belongs to; null for other roles. Stored in the `judge_id` column
   * (the id a token is bound to), so team codes needed no schema step.
   */
  teamId?: string | null;
  /** 6-digit PIN that exchanges for this token (judges and scoreboards only); null otherwise. */
  pin: string | null;
  createdAt: number;
  revokedAt: number | null;
}

export type NewToken = Pick<TokenRecord, 'token' | 'role' | 'judgeId' | 'label' | 'teamId'> & {
  pin?: string | null;
};

interface TokenRow {
  token: string;
  role: Role;
  judge_id: string | null;
  label: string;
  pin: string | null;
  created_at: number;
  revoked_at: number | null;
}

/**
 * Access tokens and their PINs. A token is never deleted: revoking it sets `revoked_at`, which
 * also frees its PIN (live PINs are unique through a partial index, schema step 3).
 */
export class TokenTable {
  private readonly insert: Database.Statement<
    [string, string, string | null, string, string | null, number]
  >;
  private readonly revokeOne: Database.Statement<[number, string]>;
  // Prepared once: every connecting tablet looks its token up (a reconnect storm: a thousand).
  private readonly selectLive: Database.Statement<[string], TokenRow>;
  private readonly selectAny: Database.Statement<[string], TokenRow>;
  private readonly selectByPin: Database.Statement<[string], TokenRow>;
  private readonly replaceTx: (old: string, next: NewToken) => TokenRecord | undefined;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO tokens (token, role, judge_id, label, pin, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.revokeOne = db.prepare(
      'UPDATE tokens SET revoked_at = ? WHERE token = ? AND revoked_at IS NULL',
    );
    this.selectLive = db.prepare('SELECT * FROM tokens WHERE token = ? AND revoked_at IS NULL');
    this.selectAny = db.prepare('SELECT * FROM tokens WHERE token = ?');
    this.selectByPin = db.prepare('SELECT * FROM tokens WHERE pin = ? AND revoked_at IS NULL');
    // Revoke and re-issue together: there is never a moment when the judge has no live link.
    this.replaceTx = db.transaction((old: string, next: NewToken) => {
      if (this.revokeOne.run(Date.now(), old).changes === 0) return undefined;
      return this.add(next);
    });
  }

  /** Stores a new live token. Throws on a duplicate token or a PIN another live token has. */
  add(record: NewToken): TokenRecord {
    const createdAt = Date.now();
    const pin = record.pin ?? null;
    const team = record.role === 'team';
    const boundId = team ? (record.teamId ?? null) : record.judgeId;
    this.insert.run(record.token, record.role, boundId, record.label, pin, createdAt);
    return {
      ...record,
      judgeId: team ? null : record.judgeId,
      teamId: team ? boundId : null,
      pin,
      createdAt,
      revokedAt: null,
    };
  }

  /** The live (not revoked) record for a token, if any. */
  findLive(token: string): TokenRecord | undefined {
    const row = this.selectLive.get(token);
    return row && toTokenRecord(row);
  }

  /** The record for a token whether live or revoked: lets the hub say *replaced* vs *unknown*. */
  lookup(token: string): TokenRecord | undefined {
    const row = this.selectAny.get(token);
    return row && toTokenRecord(row);
  }

  /** The live token a PIN belongs to, if any. */
  findByPin(pin: string): TokenRecord | undefined {
    const row = this.selectByPin.get(pin);
    return row && toTokenRecord(row);
  }

  listLive(): TokenRecord[] {
    return this.db
      .prepare<[], TokenRow>(
        'SELECT * FROM tokens WHERE revoked_at IS NULL ORDER BY created_at, label',
      )
      .all()
      .map(toTokenRecord);
  }

  /** Gives a live token a PIN (e.g. one issued before PINs existed). Throws if the PIN is taken. */
  setPin(token: string, pin: string): boolean {
    return (
      this.db
        .prepare('UPDATE tokens SET pin = ? WHERE token = ? AND revoked_at IS NULL')
        .run(pin, token).changes > 0
    );
  }

  /** Revokes a live token (and so its PIN); false if it was not live. */
  revoke(token: string): boolean {
    return this.revokeOne.run(Date.now(), token).changes > 0;
  }

  /**
   * Revokes `old` and stores `next` in one transaction. Undefined (and nothing changed) when
   * `old` was not live; throws (and nothing changed) when `next` clashes with a live token or PIN.
   */
  replace(old: string, next: NewToken): TokenRecord | undefined {
    return this.replaceTx(old, next);
  }
}

function toTokenRecord(row: TokenRow): TokenRecord {
  return {
    token: row.token,
    role: row.role,
    judgeId: row.role === 'team' ? null : row.judge_id,
    teamId: row.role === 'team' ? row.judge_id : null,
    label: row.label,
    pin: row.pin,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}
