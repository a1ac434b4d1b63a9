package dev.agentos.traces.query;

import java.util.ArrayList;
import java.util.List;

/**
 * What a scan saw that its answer must say: rows AgentOS's paging repeated (counted once), traces that
 * started after the scan began (left out), unreadable traces (skipped: how many, the first few named), and
 * a sentence when the paging looked inconsistent.
 */
public record ScanNotes(int duplicates, int arrivedDuringScan, int skipped, List<String> skippedNamed,
        String pagingProblem) {

    public static final ScanNotes NONE = new ScanNotes(0, 0, 0, List.of(), null);

    public ScanNotes {
        skippedNamed = skippedNamed == null ? List.of() : List.copyOf(skippedNamed);
    }

    /** One short sentence per note, for text and for {@code scan.notes} in structured output. */
    public List<String> sentences() {
        List<String> out = new ArrayList<>();
        if (skipped > 0) {
            out.add(skipped + (skipped == 1 ? " trace could not be read and was skipped: " : " traces could not be read "
                    + "and were skipped, e.g. ") + String.join("; ", skippedNamed));
        }
        if (duplicates > 0) {
            out.add("AgentOS's pages repeated " + duplicates + (duplicates == 1 ? " trace" : " traces")
                    + " (counted once)");
        }
        if (arrivedDuringScan > 0) {
            out.add(arrivedDuringScan + (arrivedDuringScan == 1 ? " trace started after the scan began and was left out"
                    : " traces started after the scan began and were left out"));
        }
        if (pagingProblem != null) {
            out.add(pagingProblem);
        }
        return out;
    }
}
