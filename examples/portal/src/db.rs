//! The embedded database: each state as the core's JSON beside its revision, writes as
//! compare-and-swap on that revision, effects in the same transaction (issue 15).

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use pbx_rules::{Effect, Json, Revised};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

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
    /// `AdminSession` by session token; the core's revision.
    AdminSession,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Self::Pbx => "pbx",
            Self::Extension => "extensions",
            Self::Account => "accounts",
            Self::Admin => "admin",
            Self::AdminSession => "admin_sessions",
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

    /// Master data, whose revision the host counts.
    pub fn master<T: Json>(table: Table, key: &str, expected: i64, next: &T) -> Self {
        Self {
            table,
            key: key.to_owned(),
            expected,
            next: Some((next.to_json(), expected.wrapping_add(1))),
        }
    }
}

/// The core's u64 revision in SQLite's i64 column, bit for bit (only equality matters).
fn as_column(revision: u64) -> i64 {
    i64::from_ne_bytes(revision.to_ne_bytes())
}

/// The database; one connection, held only for a read or one write transaction, never
/// while hashing.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

const SCHEMA: &str = "
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS pbx (key TEXT PRIMARY KEY, state TEXT NOT NULL, revision INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS extensions (key TEXT PRIMARY KEY, state TEXT NOT NULL, revision INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (key TEXT PRIMARY KEY, state TEXT NOT NULL, revision INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS admin (key TEXT PRIMARY KEY, state TEXT NOT NULL, revision INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS admin_sessions (key TEXT PRIMARY KEY, state TEXT NOT NULL, revision INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS user_sessions (token TEXT PRIMARY KEY, extension TEXT NOT NULL, must_change INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY, at TEXT NOT NULL, recipient TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL);
";

impl Db {
    /// Opens (and creates) the database file; `:memory:` for a private one.
    ///
    /// # Errors
    /// The database cannot be opened or its tables created.
    pub fn open(path: &Path) -> Result<Self, PortalError> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    pub(crate) fn lock(&self) -> Result<MutexGuard<'_, Connection>, PortalError> {
        self.conn.lock().map_err(|_| PortalError::Internal)
    }

    /// Reads one state; `None` for a key that is not stored.
    ///
    /// # Errors
    /// The database fails, or the stored JSON is not this type's (the core's typed error).
    pub fn load<T: Json>(&self, table: Table, key: &str) -> Result<Option<Stored<T>>, PortalError> {
        let conn = self.lock()?;
        let sql = format!(
            "SELECT state, revision FROM {} WHERE key = ?1",
            table.name()
        );
        let row: Option<(String, i64)> = conn
            .query_row(&sql, [key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        drop(conn);
        row.map(|(json, revision)| {
            Ok(Stored {
                value: T::from_json(&json)?,
                revision,
            })
        })
        .transpose()
    }

    /// Reads a state that must exist (the seeded PBX and admin).
    ///
    /// # Errors
    /// As [`Db::load`], and [`PortalError::NotFound`] for a missing row.
    pub fn get<T: Json>(&self, table: Table, key: &str) -> Result<Stored<T>, PortalError> {
        self.load(table, key)?.ok_or(PortalError::NotFound)
    }

    /// Every state of a table, by key.
    ///
    /// # Errors
    /// As [`Db::load`].
    pub fn all<T: Json>(&self, table: Table) -> Result<Vec<(String, Stored<T>)>, PortalError> {
        let conn = self.lock()?;
        let sql = format!(
            "SELECT key, state, revision FROM {} ORDER BY key",
            table.name()
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<Vec<(String, String, i64)>, _>>()?;
        rows.into_iter()
            .map(|(key, json, revision)| {
                Ok((
                    key,
                    Stored {
                        value: T::from_json(&json)?,
                        revision,
                    },
                ))
            })
            .collect()
    }

    /// Inserts a state that is not stored yet (seeding, a new admin session).
    ///
    /// # Errors
    /// The database fails or the key exists.
    pub fn insert<T: Json>(
        &self,
        table: Table,
        key: &str,
        value: &T,
        revision: u64,
    ) -> Result<(), PortalError> {
        let conn = self.lock()?;
        let sql = format!(
            "INSERT INTO {} (key, state, revision) VALUES (?1, ?2, ?3)",
            table.name()
        );
        conn.execute(&sql, params![key, value.to_json(), as_column(revision)])?;
        Ok(())
    }

    /// Applies the writes if every row still has the revision that was read, and records
    /// the effects, all in one transaction. `Ok(false)`: someone wrote first; nothing was
    /// written and no effect went out.
    ///
    /// # Errors
    /// The database fails.
    pub fn commit(
        &self,
        writes: &[Write],
        effects: &[Effect],
        at: &str,
    ) -> Result<bool, PortalError> {
        let mut conn = self.lock()?;
        let tx = conn.transaction()?;
        for write in writes {
            if !swap(&tx, write)? {
                return Ok(false); // dropping `tx` rolls back
            }
        }
        for effect in effects {
            effects::record(&tx, effect, at)?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// Runs `f` on the connection (sessions, outbox and event pages).
    ///
    /// # Errors
    /// The database fails.
    pub fn with<R>(
        &self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<R>,
    ) -> Result<R, PortalError> {
        let conn = self.lock()?;
        Ok(f(&conn)?)
    }
}

/// One compare-and-swap inside the transaction.
fn swap(tx: &Transaction<'_>, write: &Write) -> Result<bool, PortalError> {
    let table = write.table.name();
    let changed = match &write.next {
        Some((json, revision)) => tx.execute(
            &format!(
                "UPDATE {table} SET state = ?1, revision = ?2 WHERE key = ?3 AND revision = ?4"
            ),
            params![json, revision, write.key, write.expected],
        )?,
        None => tx.query_row(
            &format!("SELECT COUNT(*) FROM {table} WHERE key = ?1 AND revision = ?2"),
            params![write.key, write.expected],
            |r| r.get::<_, usize>(0),
        )?,
    };
    Ok(changed == 1)
}
