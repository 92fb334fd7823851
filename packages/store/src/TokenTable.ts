import type Database from 'better-sqlite3';

export type Role = 'organiser' | 'head-judge' | 'judge' | 'scoreboard';

export interface TokenRecord {
  token: string;
  role: Role;
  judgeId: string | null;
  label: string;
  /** 6-digit PIN that exchanges for this token (judges and scoreboards only); null otherwise. */
  pin: string | null;
  createdAt: number;
  revokedAt: number | null;
}

export type NewToken = Pick<TokenRecord, 'token' | 'role' | 'judgeId' | 'label'> & {
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
  private readonly replaceTx: (old: string, next: NewToken) => TokenRecord | undefined;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO tokens (token, role, judge_id, label, pin, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.revokeOne = db.prepare(
      'UPDATE tokens SET revoked_at = ? WHERE token = ? AND revoked_at IS NULL',
    );
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
    this.insert.run(record.token, record.role, record.judgeId, record.label, pin, createdAt);
    return { ...record, pin, createdAt, revokedAt: null };
  }

  /** The live (not revoked) record for a token, if any. */
  findLive(token: string): TokenRecord | undefined {
    const row = this.db
      .prepare<[string], TokenRow>('SELECT * FROM tokens WHERE token = ? AND revoked_at IS NULL')
      .get(token);
    return row && toTokenRecord(row);
  }

  /** The record for a token whether live or revoked: lets the hub say *replaced* vs *unknown*. */
  lookup(token: string): TokenRecord | undefined {
    const row = this.db
      .prepare<[string], TokenRow>('SELECT * FROM tokens WHERE token = ?')
      .get(token);
    return row && toTokenRecord(row);
  }

  /** The live token a PIN belongs to, if any. */
  findByPin(pin: string): TokenRecord | undefined {
    const row = this.db
      .prepare<[string], TokenRow>('SELECT * FROM tokens WHERE pin = ? AND revoked_at IS NULL')
      .get(pin);
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
    judgeId: row.judge_id,
    label: row.label,
    pin: row.pin,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}
