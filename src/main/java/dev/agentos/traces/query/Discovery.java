package dev.agentos.traces.query;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.Catalog;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What an AgentOS serves, and ids resolved against it. The plain catalog ({@code GET /config}) is kept for a
 * minute per client, so completions and id checks do not cost a request each.
 */
public final class Discovery {

    private static final long TTL_NANOS = 60_000_000_000L;
    private static final Map<AgentOsClient, Cached> CACHE = new WeakHashMap<>();

    private record Cached(Catalog catalog, long at) {
    }

    private Discovery() {
    }

    /** @param details also each agent's tools and each team's members (more requests; never cached) */
    public static Catalog catalog(AgentOsClient client, boolean details) {
        if (details) {
            Catalog c = client.catalog(true);
            remember(client, c);
            return c;
        }
        synchronized (CACHE) {
            Cached c = CACHE.get(client);
            if (c != null && System.nanoTime() - c.at() < TTL_NANOS) {
                return c.catalog();
            }
        }
        Catalog c = client.catalog(false);
        remember(client, c);
        return c;
    }

    private static void remember(AgentOsClient client, Catalog c) {
        synchronized (CACHE) {
            CACHE.put(client, new Cached(c, System.nanoTime()));
        }
    }

    /**
     * The agent, team or workflow with this id; {@code kind} null when any will do.
     *
     * @throws AgentOsException.NotFound "no agent 'x'; known: …" when AgentOS does not serve it
     * @throws dev.agentos.traces.client.ArgumentException when the id names more than one kind
     */
    public static Catalog.Component resolve(AgentOsClient client, String id, Catalog.Kind kind) {
        Catalog c = catalog(client, false);
        List<Catalog.Component> found = c.withId(id).stream().filter(x -> kind == null || x.kind() == kind).toList();
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.size() > 1) {
            throw new dev.agentos.traces.client.ArgumentException("'" + id + "' is " + String.join(" and ",
                    found.stream().map(x -> (x.kind() == Catalog.Kind.AGENT ? "an " : "a ") + x.kind().label()).toList()) + "; say which (agent_id, team_id or workflow_id).");
        }
        throw new AgentOsException.NotFound(unknown(c, id, kind));
    }

    /** "no agent 'x'; known: a, b" (or every kind when {@code kind} is null). */
    public static String unknown(Catalog c, String id, Catalog.Kind kind) {
        String what = kind == null ? "agent, team or workflow" : kind.label();
        List<String> known = kind == null ? c.components().stream().map(Catalog.Component::id).distinct().toList() : c.ids(kind);
        String list = known.isEmpty() ? "none" : String.join(", ", known.subList(0, Math.min(20, known.size())))
                + (known.size() > 20 ? ", … (" + known.size() + " in all)" : "");
        return "no " + what + " '" + dev.agentos.traces.client.Times.clipForMessage(id) + "'; known: " + list + ".";
    }

    /** The first of a filter's agent, team and workflow ids that AgentOS does not serve, as {@link #unknown}; else null. */
    public static String unknownIds(AgentOsClient client, dev.agentos.traces.client.TraceFilter f) {
        String a = checkKnown(client, Catalog.Kind.AGENT, f.agentId());
        String t = a != null ? a : checkKnown(client, Catalog.Kind.TEAM, f.teamId());
        return t != null ? t : checkKnown(client, Catalog.Kind.WORKFLOW, f.workflowId());
    }

    /**
     * Checks an id filter against the catalog: null when it is known (or AgentOS cannot say), else the
     * "no agent 'x'; known: …" sentence. For tools whose filter matched nothing.
     */
    public static String checkKnown(AgentOsClient client, Catalog.Kind kind, String id) {
        if (id == null) {
            return null;
        }
        try {
            Catalog c = catalog(client, false);
            return c.ids(kind).contains(id) ? null : unknown(c, id, kind);
        } catch (AgentOsException e) {
            return null; // only a hint: without /config there is nothing to say
        }
    }
}
