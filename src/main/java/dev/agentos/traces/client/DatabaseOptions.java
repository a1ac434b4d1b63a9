package dev.agentos.traces.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * AgentOS's own trace database, read directly (database mode): {@code sqlite:/path/agno.db} or
 * {@code postgresql://user@host:5432/db}. The password never comes from the URL and never appears in
 * {@link #toString()}.
 *
 * @param sqliteFile the SQLite file (SQLite only)
 * @param host PostgreSQL host, with {@code port}, {@code database}, {@code user}, {@code schema} (agno's default {@code ai})
 */
public record DatabaseOptions(Kind kind, Path sqliteFile, String host, int port, String database, String user,
        String password, String schema) {

    public enum Kind { SQLITE, POSTGRESQL }

    public static final String ENV_URL = "AGENTOS_DATABASE_URL";

    /** Options from {@code --database-url} (else {@value #ENV_URL}); null when neither is set. */
    public static DatabaseOptions resolve(String urlFlag, Path passwordFile, Map<String, String> env) {
        String url = urlFlag != null && !urlFlag.isBlank() ? urlFlag : env.get(ENV_URL);
        if (url == null || url.isBlank()) {
            if (passwordFile != null) {
                throw new ArgumentException("--database-password-file needs --database-url (or " + ENV_URL + ").");
            }
            return null;
        }
        return parse(url.strip(), passwordFile, env);
    }

    static DatabaseOptions parse(String url, Path passwordFile, Map<String, String> env) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sqlite:")) {
            // sqlite:/abs/agno.db, sqlite:///abs/agno.db (SQLAlchemy's form, as in agno's db_url) or sqlite:rel.db
            String path = url.substring("sqlite:".length());
            if (path.startsWith("///")) {
                path = path.substring(2);
            } else if (path.startsWith("//")) {
                throw new ArgumentException("Write the SQLite file as sqlite:/path/to/agno.db, not '" + Times.clip(url) + "'.");
            }
            int q = path.indexOf('?');
            if (q >= 0) {
                path = path.substring(0, q);
            }
            if (path.isBlank()) {
                throw new ArgumentException("The database URL names no SQLite file; use sqlite:/path/to/agno.db.");
            }
            return new DatabaseOptions(Kind.SQLITE, Path.of(path), null, 0, null, null, null, null);
        }
        String rest = null;
        for (String scheme : new String[] {"postgresql+psycopg://", "postgresql+psycopg2://", "postgresql://", "postgres://"}) {
            if (lower.startsWith(scheme)) {
                rest = "postgresql://" + url.substring(scheme.length());
                break;
            }
        }
        if (rest == null) {
            throw new ArgumentException("--database-url must start with sqlite: or postgresql://, e.g. sqlite:/data/agno.db "
                    + "or postgresql://reader@localhost:5432/agno.");
        }
        URI uri;
        try {
            uri = URI.create(rest);
        } catch (IllegalArgumentException e) {
            throw new ArgumentException("The database URL is not a valid postgresql:// URL; use e.g. "
                    + "postgresql://reader@localhost:5432/agno.");
        }
        String info = uri.getRawUserInfo();
        if (info != null && info.contains(":")) {
            throw new ArgumentException("Put the database password in PGPASSWORD or --database-password-file, "
                    + "never in the URL; give postgresql://USER@HOST:PORT/DB.");
        }
        String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || db.isEmpty() || db.contains("/")) {
            throw new ArgumentException("The database URL needs a host and a database name, e.g. "
                    + "postgresql://reader@localhost:5432/agno.");
        }
        String schema = "ai";
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                if (kv.startsWith("schema=") && kv.length() > 7) {
                    schema = kv.substring(7);
                } else if (!kv.isEmpty()) {
                    throw new ArgumentException("The database URL takes only ?schema=NAME (agno's db_schema, default ai), "
                            + "not '" + Times.clip(kv) + "'.");
                }
            }
        }
        if (!schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new ArgumentException("The schema in the database URL must be a plain SQL name such as ai.");
        }
        String user = info != null ? info : env.getOrDefault("PGUSER", System.getProperty("user.name"));
        String password;
        if (passwordFile != null) {
            try {
                password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new ArgumentException("Cannot read the database password file " + passwordFile + ": "
                        + e.getClass().getSimpleName() + ". Check the path given to --database-password-file.");
            }
        } else {
            password = env.get("PGPASSWORD");
        }
        return new DatabaseOptions(Kind.POSTGRESQL, null, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), db,
                user, password == null || password.isEmpty() ? null : password, schema);
    }

    /** Where the data is, for messages: never the password. */
    public String describe() {
        return kind == Kind.SQLITE ? "SQLite " + sqliteFile
                : "PostgreSQL " + user + "@" + host + ":" + port + "/" + database + " (schema " + schema + ")";
    }

    /** The back end's name as answers state it. */
    public String label() {
        return kind == Kind.SQLITE ? "SQLite" : "PostgreSQL";
    }

    @Override
    public String toString() {
        return "DatabaseOptions[" + describe() + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
