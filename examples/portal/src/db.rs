//! The database: each state as the core's JSON beside its revision, writes as
//! compare-and-swap on that revision, effects in the same transaction. One code path for
//! SQLite (the default, a file beside the crate) and PostgreSQL (`postgres://…`, shared by
//! any number of portal instances), through sqlx's Any driver: every statement here is
//! written once, in the SQL both understand (`$1` parameters, `ON CONFLICT`).

use chrono::{DateTime, Utc};
use pbx_rules::{Effect, Json, Revised};
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, AssertSqlSafe, Row};

use crate::edge::PortalError;
use crate::effects;

/// The tables that hold one JSON state per key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// `PbxMasterData`, key `pbx`; the revision is the host's (master data has none).
    Pbx,
    /// `ExtensionMasterData` by extension digits; the host's revision.
    Extension,
    /// `ExtensionAccount` by extension digits; the core's revision.
    Account,
    /// `AdminAccount`, key `admin`; the core's revision.
    Admin,
    /// Staff and partner accounts by login name; the host's revision.
    Staff,
    /// Sessions by the hash of their token: an `AdminSession` (the core's revision) for the
    /// admin, `{}` for users and staff.
    Session,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Self::Pbx => "pbx",
            Self::Extension => "extensions",
            Self::Account => "accounts",
            Self::Admin => "admin",
            Self::Staff => "staff",
            Self::Session => "sessions",
        }
    }
}

/// A state as read, with the revision the write must still find.
#[derive(Clone, Debug)]
pub struct Stored<T> {
    /// The state.
    pub value: T,
    /// The stored revision.
    pub revision: i64,
}

/// One compare-and-swap: write `next` only where the row still has `expected`.
#[derive(Clone, Debug)]
pub struct Write {
    table: Table,
    key: String,
    expected: i64,
    next: Option<(String, i64)>,
}

impl Write {
    /// A core state that counts its own revisions: written only if the operation changed
    /// it, but checked either way, so its effects never go out on a stale read.
    #[must_use]
    pub fn state(table: Table, key: &str, before: u64, after_json: String, after: u64) -> Self {
        Self {
            table,
            key: key.to_owned(),
            expected: as_column(before),
            next: (after != before).then(|| (after_json, as_column(after))),
        }
    }

    /// A core state before and after an operation.
    #[must_use]
    pub fn of<T: Revised + Json>(table: Table, key: &str, before: &T, after: &T) -> Self {
        Self::state(
            table,
            key,
            before.revision(),
            after.to_json(),
            after.revision(),
        )
    }

    /// A state whose revision the host counts (master data, staff accounts).
    pub fn counted<T: Json>(table: Table, key: &str, expected: i64, next: &T) -> Self {
        Self {
            table,
            key: key.to_owned(),
            expected,
            next: Some((next.to_json(), expected.wrapping_add(1))),
        }
    }
}

/// The core's u64 revision in an i64 column, bit for bit (only equality matters).
pub(crate) fn as_column(revision: u64) -> i64 {
    i64::from_ne_bytes(revision.to_ne_bytes())
}

/// Which database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// An SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// A session row: who, what it is checked against, since when, last seen.
#[derive(Clone, Debug)]
pub struct SessionRow {
    /// The hash of the token (the token itself is only in the cookie).
    pub key: String,
    /// `user`, `admin` or `staff`.
    pub kind: String,
    /// The extension digits, `admin`, or the staff login name.
    pub subject: String,
    /// The core's record: a user's `SessionStamp`, the admin's `AdminSession`; `{}` for staff.
    pub state: String,
    /// The `AdminSession`'s revision (compare-and-swap); 0 for the others.
    pub revision: i64,
    /// Staff only: the digest of the password hash the session started under
    /// (`session::stamp`); empty for users and the admin, whose stamp is in `state`.
    pub stamp: String,
    /// When it started (Unix seconds).
    pub created_at: i64,
    /// When it was last used (Unix seconds).
    pub seen_at: i64,
}

/// A mail to send: the outbox row.
#[derive(Clone, Debug)]
pub struct Mail {
    /// The row.
    pub id: i64,
    /// The address.
    pub recipient: String,
    /// The subject line.
    pub subject: String,
    /// The text (holds the secret until the mail is handed over).
    pub body: String,
    /// How often it was claimed, this time included.
    pub attempts: i64,
}

/// The database: a pool of connections, each held only for one read or one write
/// transaction, never while hashing.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

const STATE_TABLES: [&str; 6] = [
    "pbx",
    "extensions",
    "accounts",
    "admin",
    "staff",
    "sessions",
];

/// The tables besides the states; `{id}` is the backend's auto-numbered key.
const OTHER_TABLES: &str = "
CREATE TABLE IF NOT EXISTS outbox (id {id}, at TEXT NOT NULL, recipient TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, sent_at BIGINT, claimed_until BIGINT, attempts BIGINT NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS events (id {id}, at TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS login_limits (key TEXT PRIMARY KEY, window_start BIGINT NOT NULL, failures BIGINT NOT NULL);
";

/// The session table's columns besides key, state and revision.
const SESSION_COLUMNS: &str = "kind TEXT NOT NULL, subject TEXT NOT NULL, stamp TEXT NOT NULL, created_at BIGINT NOT NULL, seen_at BIGINT NOT NULL";

impl Db {
    /// Opens the database at `url`: `postgres://…` (or `postgresql://…`), `sqlite://…`, or a
    /// file path for SQLite (created if missing). Creates the tables.
    ///
    /// # Errors
    /// The database cannot be reached or its tables created.
    pub async fn open(url: &str) -> Result<Self, PortalError> {
        sqlx::any::install_default_drivers();
        let (url, backend) = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (url.to_owned(), Backend::Postgres)
        } else if url.starts_with("sqlite:") {
            (url.to_owned(), Backend::Sqlite)
        } else {
            (format!("sqlite://{url}?mode=rwc"), Backend::Sqlite)
        };
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => 8,
            })
            .connect(&url)
            .await?;
        let db = Self { pool, backend };
        db.create_tables().await?;
        Ok(db)
    }

    /// Which database this is.
    #[must_use]
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool, for the portal's own queries in tests.
    #[must_use]
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    async fn create_tables(&self) -> Result<(), PortalError> {
        if self.backend == Backend::Sqlite {
            // Readers do not wait for the writer (persistent in the file).
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&self.pool)
                .await?;
        }
        let mut tx = self.pool.begin().await?;
        let id = match self.backend {
            Backend::Sqlite => "INTEGER PRIMARY KEY",
            Backend::Postgres => {
                // Instances starting at once create the tables one after the other.
                sqlx::query("SELECT pg_advisory_xact_lock(4242)")
                    .execute(&mut *tx)
                    .await?;
                "BIGSERIAL PRIMARY KEY"
            }
        };
        for table in STATE_TABLES {
            let extra = if table == "sessions" {
                format!(", {SESSION_COLUMNS}")
            } else {
                String::new()
            };
            let sql = format!(
                "CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, state TEXT NOT NULL, revision BIGINT NOT NULL{extra})"
            );
            sqlx::query(AssertSqlSafe(sql)).execute(&mut *tx).await?;
        }
        for sql in OTHER_TABLES.replace("{id}", id).split(';') {
            if !sql.trim().is_empty() {
                sqlx::query(AssertSqlSafe(sql.to_owned()))
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Whether the database answers (the health route).
    ///
    /// # Errors
    /// It does not.
    pub async fn ping(&self) -> Result<(), PortalError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Reads one state; `None` for a key that is not stored.
    ///
    /// # Errors
    /// The database fails, or the stored JSON is not this type's (the core's typed error).
    pub async fn load<T: Json>(
        &self,
        table: Table,
        key: &str,
    ) -> Result<Option<Stored<T>>, PortalError> {
        let sql = format!(
            "SELECT state, revision FROM {} WHERE key = $1",
            table.name()
        );
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| stored(&r)).transpose()
    }

    /// Reads a state that must exist (the seeded PBX and admin).
    ///
    /// # Errors
    /// As [`Db::load`], and [`PortalError::NotFound`] for a missing row.
    pub async fn get<T: Json>(&self, table: Table, key: &str) -> Result<Stored<T>, PortalError> {
        self.load(table, key).await?.ok_or(PortalError::NotFound)
    }

    /// Every state of a table, by key.
    ///
    /// # Errors
    /// As [`Db::load`].
    pub async fn all<T: Json>(
        &self,
        table: Table,
    ) -> Result<Vec<(String, Stored<T>)>, PortalError> {
        let sql = format!(
            "SELECT state, revision, key FROM {} ORDER BY key",
            table.name()
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get::<String, _>(2)?, stored(r)?)))
            .collect()
    }

    /// Stores the seed in one transaction: its states (the first is the PBX) and its
    /// mails, unless the PBX is stored already (another instance seeded first): then
    /// nothing is written and the answer is `Ok(false)`.
    ///
    /// # Errors
    /// The database fails.
    pub async fn seed(
        &self,
        rows: &[crate::seed::Row],
        mails: &[crate::seed::SeedMail],
        now: DateTime<Utc>,
    ) -> Result<bool, PortalError> {
        let mut tx = self.begin().await?;
        for (i, (table, key, json, revision)) in rows.iter().enumerate() {
            let sql = format!(
                "INSERT INTO {} (key, state, revision) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING",
                table.name()
            );
            let done = sqlx::query(AssertSqlSafe(sql))
                .bind(key)
                .bind(json)
                .bind(*revision)
                .execute(&mut *tx)
                .await?;
            if i == 0 && done.rows_affected() == 0 {
                return Ok(false);
            }
        }
        for (to, subject, body) in mails {
            effects::mail(&mut tx, &now.to_rfc3339(), to, subject, body).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// A write transaction. SQLite takes the write lock at once (a transaction that read
    /// first could not write after a parallel commit); PostgreSQL locks each row it updates.
    async fn begin(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, PortalError> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// Applies the writes if every row still has the revision that was read, and records
    /// the effects, all in one transaction. `Ok(false)`: someone wrote first; nothing was
    /// written and no effect went out. A plan that changes no state and has no effect
    /// opens no transaction.
    ///
    /// # Errors
    /// The database fails.
    pub async fn commit(
        &self,
        writes: &[Write],
        effects: &[Effect],
        now: DateTime<Utc>,
    ) -> Result<bool, PortalError> {
        if effects.is_empty() && writes.iter().all(|w| w.next.is_none()) {
            // Nothing to store and nothing to carry out (a successful login that changed
            // nothing): the answer stands on the read, and no row is written or locked.
            return Ok(true);
        }
        let mut tx = self.begin().await?;
        for write in writes {
            if !swap(&mut tx, write).await? {
                return Ok(false); // dropping `tx` rolls back
            }
        }
        for effect in effects {
            effects::record(&mut tx, effect, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Stores a new session.
    ///
    /// # Errors
    /// The database fails.
    pub async fn session_insert(&self, row: &SessionRow) -> Result<(), PortalError> {
        sqlx::query(
            "INSERT INTO sessions (key, state, revision, kind, subject, stamp, created_at, seen_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&row.key)
        .bind(&row.state)
        .bind(row.revision)
        .bind(&row.kind)
        .bind(&row.subject)
        .bind(&row.stamp)
        .bind(row.created_at)
        .bind(row.seen_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A session by the hash of its token.
    ///
    /// # Errors
    /// The database fails.
    pub async fn session(&self, key: &str) -> Result<Option<SessionRow>, PortalError> {
        let row = sqlx::query(
            "SELECT key, kind, subject, state, revision, stamp, created_at, seen_at FROM sessions WHERE key = $1",
        )
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row
            .map(|r| -> Result<SessionRow, sqlx::Error> {
                Ok(SessionRow {
                    key: r.try_get(0)?,
                    kind: r.try_get(1)?,
                    subject: r.try_get(2)?,
                    state: r.try_get(3)?,
                    revision: r.try_get(4)?,
                    stamp: r.try_get(5)?,
                    created_at: r.try_get(6)?,
                    seen_at: r.try_get(7)?,
                })
            })
            .transpose()?)
    }

    /// Marks a session used at `now`, with the user's stamp seen then. A later use already
    /// written stays (two requests at once).
    ///
    /// # Errors
    /// The database fails.
    pub async fn session_seen(
        &self,
        key: &str,
        stamp: Option<&str>,
        now: i64,
    ) -> Result<(), PortalError> {
        let query = match stamp {
            Some(stamp) => sqlx::query(
                "UPDATE sessions SET state = $1, seen_at = $2 WHERE key = $3 AND seen_at <= $2",
            )
            .bind(stamp),
            None => {
                sqlx::query("UPDATE sessions SET seen_at = $1 WHERE key = $2 AND seen_at <= $1")
            }
        };
        query.bind(now).bind(key).execute(&self.pool).await?;
        Ok(())
    }

    /// Ends a session.
    ///
    /// # Errors
    /// The database fails.
    pub async fn session_delete(&self, key: &str) -> Result<(), PortalError> {
        sqlx::query("DELETE FROM sessions WHERE key = $1")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Deletes the sessions unused since `idle_before` or started before `started_before`;
    /// returns how many.
    ///
    /// # Errors
    /// The database fails.
    pub async fn session_sweep(
        &self,
        idle_before: i64,
        started_before: i64,
    ) -> Result<u64, PortalError> {
        let done = sqlx::query("DELETE FROM sessions WHERE seen_at < $1 OR created_at < $2")
            .bind(idle_before)
            .bind(started_before)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// Counts one try under each of `keys` (the host's login limits, `limits.rs`) in one
    /// statement, starting a new window at `now` for a key whose window started at or before
    /// `expired`; returns each key's count and window start, in the order of `keys`. Parallel
    /// tries each get their own count: the update is atomic on both databases. The rows are
    /// locked in the order of their keys, the same in every statement, so two never wait
    /// for each other in a circle.
    ///
    /// # Errors
    /// The database fails.
    pub async fn limit_count(
        &self,
        keys: &[String; 2],
        now: i64,
        expired: i64,
    ) -> Result<[(i64, i64); 2], PortalError> {
        let mut sorted = [&keys[0], &keys[1]];
        sorted.sort();
        let rows = sqlx::query(
            "INSERT INTO login_limits (key, window_start, failures) VALUES ($1, $3, 1), ($2, $3, 1) \
             ON CONFLICT (key) DO UPDATE SET \
             failures = CASE WHEN login_limits.window_start <= $4 THEN 1 ELSE login_limits.failures + 1 END, \
             window_start = CASE WHEN login_limits.window_start <= $4 THEN $3 ELSE login_limits.window_start END \
             RETURNING key, failures, window_start",
        )
        .bind(sorted[0])
        .bind(sorted[1])
        .bind(now)
        .bind(expired)
        .fetch_all(&self.pool)
        .await?;
        let mut counts = [(0, now); 2];
        for row in rows {
            let key: String = row.try_get(0)?;
            if let Some(i) = keys.iter().position(|k| *k == key) {
                counts[i] = (row.try_get(1)?, row.try_get(2)?);
            }
        }
        Ok(counts)
    }

    /// Gives back one try under each of `keys` (a login that succeeded), one row per
    /// statement, so no statement holds one row while waiting for another.
    ///
    /// # Errors
    /// The database fails.
    pub async fn limit_refund(&self, keys: &[String; 2]) -> Result<(), PortalError> {
        for key in keys {
            sqlx::query(
                "UPDATE login_limits SET failures = failures - 1 WHERE key = $1 AND failures > 0",
            )
            .bind(key)
            .execute(&self.pool)
            .await?;
        }
        Ok(())
    }

    /// Deletes the counts whose window started at or before `expired`; returns how many.
    ///
    /// # Errors
    /// The database fails.
    pub async fn limit_sweep(&self, expired: i64) -> Result<u64, PortalError> {
        let done = sqlx::query("DELETE FROM login_limits WHERE window_start <= $1")
            .bind(expired)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// Rows of a demo page's query, each as five texts.
    ///
    /// # Errors
    /// The database fails.
    pub async fn rows(&self, sql: &'static str) -> Result<Vec<[String; 5]>, PortalError> {
        let rows = sqlx::query(sql).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                Ok([
                    r.try_get::<i64, _>(0)?.to_string(),
                    r.try_get(1)?,
                    r.try_get(2)?,
                    r.try_get(3)?,
                    r.try_get(4)?,
                ])
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(PortalError::from)
    }

    /// One number from a query (tests and the load script's checks).
    ///
    /// # Errors
    /// The database fails.
    pub async fn count(&self, sql: &str) -> Result<i64, PortalError> {
        let row = sqlx::query(AssertSqlSafe(sql.to_owned()))
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get(0)?)
    }

    /// Claims the oldest unsent mail that no sender holds, until `until` (Unix seconds). Of
    /// several instances claiming at once, one gets each mail.
    ///
    /// # Errors
    /// The database fails.
    pub async fn claim_mail(&self, now: i64, until: i64) -> Result<Option<Mail>, PortalError> {
        let candidates = sqlx::query(
            "SELECT id FROM outbox WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < $1) \
             ORDER BY id LIMIT 8",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        for candidate in candidates {
            let id: i64 = candidate.try_get(0)?;
            // The claim repeats the condition, so only one of two racing senders matches.
            let claimed = sqlx::query(
                "UPDATE outbox SET claimed_until = $1, attempts = attempts + 1 \
                 WHERE id = $2 AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < $3)",
            )
            .bind(until)
            .bind(id)
            .bind(now)
            .execute(&self.pool)
            .await?;
            if claimed.rows_affected() == 1 {
                let row = sqlx::query(
                    "SELECT recipient, subject, body, attempts FROM outbox WHERE id = $1",
                )
                .bind(id)
                .fetch_one(&self.pool)
                .await?;
                return Ok(Some(Mail {
                    id,
                    recipient: row.try_get(0)?,
                    subject: row.try_get(1)?,
                    body: row.try_get(2)?,
                    attempts: row.try_get(3)?,
                }));
            }
        }
        Ok(None)
    }

    /// Marks a mail sent and forgets its text (the secret it carried).
    ///
    /// # Errors
    /// The database fails.
    pub async fn mail_sent(&self, id: i64, now: i64) -> Result<(), PortalError> {
        sqlx::query("UPDATE outbox SET sent_at = $1, body = '' WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Lets a mail whose sending failed be claimed again from `retry_at` (Unix seconds).
    ///
    /// # Errors
    /// The database fails.
    pub async fn mail_failed(&self, id: i64, retry_at: i64) -> Result<(), PortalError> {
        sqlx::query("UPDATE outbox SET claimed_until = $1 WHERE id = $2")
            .bind(retry_at)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// The state and revision of a row whose first two columns are they.
fn stored<T: Json>(row: &AnyRow) -> Result<Stored<T>, PortalError> {
    let json: String = row.try_get(0)?;
    Ok(Stored {
        value: T::from_json(&json)?,
        revision: row.try_get(1)?,
    })
}

/// One compare-and-swap inside the transaction. A state that did not change is still
/// matched by an update (of nothing), which in PostgreSQL also locks its row until the
/// commit, so no parallel transaction changes it under this one's effects.
async fn swap(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    write: &Write,
) -> Result<bool, PortalError> {
    let table = write.table.name();
    let done = match &write.next {
        Some((json, revision)) => {
            let sql = format!(
                "UPDATE {table} SET state = $1, revision = $2 WHERE key = $3 AND revision = $4"
            );
            sqlx::query(AssertSqlSafe(sql))
                .bind(json)
                .bind(*revision)
                .bind(&write.key)
                .bind(write.expected)
                .execute(&mut **tx)
                .await?
        }
        None => {
            let sql =
                format!("UPDATE {table} SET revision = revision WHERE key = $1 AND revision = $2");
            sqlx::query(AssertSqlSafe(sql))
                .bind(&write.key)
                .bind(write.expected)
                .execute(&mut **tx)
                .await?
        }
    };
    Ok(done.rows_affected() == 1)
}
