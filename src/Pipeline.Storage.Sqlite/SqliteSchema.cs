namespace Pipeline.Storage.Sqlite;

/// <summary>
/// The tables. Times are UTC ticks. Each index matches one listing's ORDER BY (ts DESC, id ASC, the same order
/// as the Table store's inverted-ticks row keys), so a page is an index range read whatever the corpus size.
/// <c>entities</c> holds running totals: always the sum of that entity's <c>article_entities</c> rows, because
/// both change in the same transaction (see <see cref="SqliteArticleStore"/>).
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 3;

    /// <summary>The first version with the coverage rollups: older files get them built from their rows at start-up.</summary>
    public const int RollupsSince = 3;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS articles (
            id TEXT NOT NULL PRIMARY KEY,
            blob_container TEXT NOT NULL,
            blob_name TEXT NOT NULL,
            blob_etag TEXT NOT NULL,
            blob_modified INTEGER NOT NULL,
            status TEXT NOT NULL,
            failure_reason TEXT,
            title TEXT,
            source TEXT,
            source_key TEXT,
            url TEXT,
            author TEXT,
            published_at INTEGER,
            ts INTEGER NOT NULL,
            processed_at INTEGER NOT NULL,
            language TEXT,
            language_key TEXT,
            sentiment TEXT,
            sentiment_positive REAL,
            sentiment_neutral REAL,
            sentiment_negative REAL,
            analyzer_version TEXT,
            record BLOB NOT NULL,
            date_source TEXT,
            source_origin TEXT,
            content_hash TEXT,
            duplicate_of TEXT
        );
        CREATE INDEX IF NOT EXISTS articles_by_time ON articles (ts DESC, id);
        CREATE INDEX IF NOT EXISTS articles_by_source ON articles (source_key, ts DESC, id);
        CREATE INDEX IF NOT EXISTS articles_by_status ON articles (status, ts DESC, id);
        CREATE INDEX IF NOT EXISTS articles_by_processed ON articles (processed_at);
        CREATE INDEX IF NOT EXISTS articles_undated ON articles (source_key) WHERE published_at IS NULL;
        CREATE INDEX IF NOT EXISTS articles_by_content ON articles (content_hash) WHERE content_hash IS NOT NULL;
        CREATE INDEX IF NOT EXISTS articles_duplicates ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

        CREATE TABLE IF NOT EXISTS article_entities (
            entity_id TEXT NOT NULL,
            ts INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            name TEXT NOT NULL,
            category_key TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            polarity_micro INTEGER,
            PRIMARY KEY (entity_id, ts DESC, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS article_entities_by_article ON article_entities (article_id);
        CREATE INDEX IF NOT EXISTS article_entities_by_time ON article_entities (ts);

        CREATE TABLE IF NOT EXISTS entities (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            category TEXT NOT NULL,
            category_key TEXT NOT NULL,
            articles INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            polarity_micro INTEGER NOT NULL,
            scored INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS entities_by_rank ON entities (articles DESC, mentions DESC, id);
        CREATE INDEX IF NOT EXISTS entities_by_name ON entities (name_key);

        -- Coverage rollups (see SqliteRollups), for whole articles (subject '') and for each entity under each spelling
        -- of its name, dated or not: per day ('d') and per month ('m', period = the month's first day) over all outlets
        -- (outlet '*'), and of all time ('a', period 0) per outlet ('=' || source_key, or '-' when unknown). Kept this
        -- lean on purpose: every row is written for every article. Rows that reach zero articles are deleted.
        CREATE TABLE IF NOT EXISTS coverage_periods (
            level TEXT NOT NULL,
            outlet TEXT NOT NULL,
            dated INTEGER NOT NULL,
            period INTEGER NOT NULL,
            subject TEXT NOT NULL,
            name TEXT NOT NULL,
            outlet_name TEXT NOT NULL,
            articles INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            scored INTEGER NOT NULL,
            polarity INTEGER NOT NULL,
            polarity_sq INTEGER NOT NULL,
            PRIMARY KEY (level, outlet, dated, period, subject, name, outlet_name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS coverage_days_by_subject ON coverage_periods (subject, dated, period) WHERE level = 'd';
        CREATE INDEX IF NOT EXISTS coverage_periods_empty ON coverage_periods (level) WHERE articles = 0;

        CREATE TABLE IF NOT EXISTS receipts (
            container TEXT NOT NULL,
            blob_name TEXT NOT NULL,
            etag TEXT NOT NULL,
            PRIMARY KEY (container, blob_name)
        ) WITHOUT ROWID;
        """;

    /// <summary>Columns added since version 1, each with its definition: added to older files at start-up.</summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("articles", "date_source", "TEXT"),
        ("articles", "source_origin", "TEXT"),
        ("articles", "content_hash", "TEXT"),
        ("articles", "duplicate_of", "TEXT"),
    ];
}
