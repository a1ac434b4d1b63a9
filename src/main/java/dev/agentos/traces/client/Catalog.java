package dev.agentos.traces.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What an AgentOS serves: its agents, teams and workflows ({@code GET /config}, or the three lists). */
public record Catalog(List<Component> components) {

    public Catalog {
        components = List.copyOf(components);
    }

    public enum Kind {
        AGENT("agents"), TEAM("teams"), WORKFLOW("workflows");

        private final String route;

        Kind(String route) {
            this.route = route;
        }

        /** The path segment of its routes: {@code /agents/{id}/runs}. */
        public String route() {
            return route;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The trace filter that selects its runs: agent_id, team_id, workflow_id. */
        public String idField() {
            return label() + "_id";
        }
    }

    /**
     * @param models model ids (a team's leader model; members' models are in {@code members})
     * @param members a team's member agents or a workflow's steps, by name
     */
    public record Component(Kind kind, String id, String name, String description, List<String> models,
            List<String> tools, List<String> members, String dbId) {
        public Component {
            models = List.copyOf(models);
            tools = List.copyOf(tools);
            members = List.copyOf(members);
        }
    }

    public List<Component> of(Kind kind) {
        return components.stream().filter(c -> c.kind() == kind).toList();
    }

    public List<String> ids(Kind kind) {
        return of(kind).stream().map(Component::id).toList();
    }

    /** Every component with this id (an agent and a team may share one). */
    public List<Component> withId(String id) {
        List<Component> out = new ArrayList<>();
        for (Component c : components) {
            if (c.id().equals(id)) {
                out.add(c);
            }
        }
        return out;
    }
}
