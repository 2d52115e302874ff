package nl.meedenken.scan.internal;

import nl.meedenken.scan.RoleGroup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, for one campaign, which groups of respondents may be published, so that no
 * figure is ever about fewer than k people: not one shown group, and not any group that
 * can be worked out by adding and subtracting shown groups. This is cell suppression as
 * statistical offices do it, for our small structure (departments and kinds of work over
 * the same people):
 *
 * <ol>
 *   <li><b>Primary suppression.</b> A group with fewer than k respondents is hidden.</li>
 *   <li><b>Secondary suppression.</b> Every figure is a sum over cells (one department,
 *       including "not given", times one kind of work). Whatever an attacker adds and
 *       subtracts, in whatever amounts, they can only learn linear combinations of the shown
 *       groups. As long as some combination is zero on every cell but a set of cells with
 *       together 1 to k−1 people (their sum, but also a difference such as "this driver minus
 *       that warehouse worker"), one more group is hidden: the smallest one whose removal
 *       makes every such combination on that set unreachable.</li>
 *   <li><b>Open answers</b> are lists of texts: with two lists one can also find the answers
 *       that appear in both (an intersection), so for them every piece of the partition the
 *       shown lists make must hold at least the comment threshold (2k) of people, or be
 *       nobody.</li>
 * </ol>
 * The result depends only on the counts per cell, the groups offered and k, never on the
 * order of anything or on chance: the same data always hides the same groups.
 */
public final class Anonymity {

    /** Why a group is or is not shown. */
    public enum Reason {
        /** The group's figures are shown. */
        SHOWN,
        /** Fewer than k people in the group answered. */
        TOO_FEW,
        /** Enough answers, but with other shown figures it would reveal a smaller group. */
        PROTECTS_OTHERS,
        /** The campaign does not publish this group at all (for example a department and a kind of work crossed). */
        NOT_OFFERED
    }

    /** What is decided for one group. */
    public record Decision(Reason figures, boolean comments) {
    }

    /** How many combinations of shown groups the leak search may try before it hides one more group to be safe. */
    static final int SEARCH_BUDGET = 200_000;
    private static final double EPSILON = 1e-9;

    private final Map<GroupKey.Cell, Integer> cells;
    private final int k;
    private final Map<GroupKey, Decision> decisions;

    /**
     * The full scan's groups: the whole company, each department, each kind of work, shop
     * floor and leaders.
     *
     * @param cells number of answer sheets per department (0 = not given) and role group
     * @param teams departments that can be shown
     * @param k     minimum group size
     */
    public Anonymity(Map<GroupKey.Cell, Integer> cells, Collection<Long> teams, int k) {
        this(cells, k, universe(teams), 2 * k);
    }

    private Anonymity(Map<GroupKey.Cell, Integer> cells, int k, Set<GroupKey> offered, int commentThreshold) {
        this.cells = Map.copyOf(cells);
        this.k = k;
        this.decisions = decide(offered, commentThreshold);
    }

    private Anonymity(Map<GroupKey.Cell, Integer> cells, int k, Map<GroupKey, Decision> decisions) {
        this.cells = Map.copyOf(cells);
        this.k = k;
        this.decisions = Map.copyOf(decisions);
    }

    /** A pulse publishes one group only: everyone who answered. */
    public static Anonymity wholeGroupOnly(Map<GroupKey.Cell, Integer> cells, int k) {
        return new Anonymity(cells, k, Set.of(GroupKey.EVERYONE), 2 * k);
    }

    /** Decisions taken earlier (stored when the campaign's results were first published). */
    public static Anonymity decided(Map<GroupKey.Cell, Integer> cells, int k, Map<GroupKey, Decision> decisions) {
        return new Anonymity(cells, k, decisions);
    }

    public int size(GroupKey group) {
        int n = 0;
        for (var entry : cells.entrySet()) {
            if (group.includes(entry.getKey().team(), entry.getKey().role())) {
                n += entry.getValue();
            }
        }
        return n;
    }

    public boolean visible(GroupKey group) {
        return reason(group) == Reason.SHOWN;
    }

    /** Whether the open answers of the group may be listed. */
    public boolean commentsVisible(GroupKey group) {
        Decision decision = decisions.get(group);
        return decision != null && decision.figures() == Reason.SHOWN && decision.comments();
    }

    public Reason reason(GroupKey group) {
        Decision decision = decisions.get(group);
        return decision == null ? Reason.NOT_OFFERED : decision.figures();
    }

    public int k() {
        return k;
    }

    /** Every decision, for storing. */
    public Map<GroupKey, Decision> decisions() {
        return decisions;
    }

    /** Whether a page may ask for this group at all. */
    public boolean offered(GroupKey group) {
        return decisions.containsKey(group);
    }

    /**
     * The whole company, one department, or one kind of work (or shop floor, or leaders).
     * Never a department and a kind of work crossed: such small cells would nearly always be
     * hidden, and each one offered makes the rest of the table harder to keep.
     */
    static Set<GroupKey> universe(Collection<Long> teams) {
        Set<GroupKey> all = new LinkedHashSet<>();
        all.add(GroupKey.EVERYONE);
        teams.stream().sorted().forEach(team -> all.add(new GroupKey(team, null)));
        all.add(new GroupKey(null, RoleGroup.SHOP_FLOOR));
        all.add(new GroupKey(null, RoleGroup.LEADERSHIP));
        for (RoleGroup role : RoleGroup.values()) {
            all.add(GroupKey.of(null, role));
        }
        return all;
    }

    // ---------------------------------------------------------------- the decision

    private Map<GroupKey, Decision> decide(Set<GroupKey> offered, int commentThreshold) {
        List<GroupKey> order = new ArrayList<>(offered);
        order.sort(Comparator.comparingInt(this::size).thenComparing(Anonymity::canonical));
        Map<GroupKey, Reason> figures = new LinkedHashMap<>();
        List<GroupKey> shown = new ArrayList<>();
        for (GroupKey group : order) {
            if (size(group) < k) {
                figures.put(group, Reason.TOO_FEW);
            } else {
                figures.put(group, Reason.SHOWN);
                shown.add(group);
            }
        }
        List<GroupKey.Cell> cellOrder = supportCells();
        while (true) {
            Leak leak = findLeak(shown, cellOrder, k);
            if (leak == null) {
                break;
            }
            GroupKey hide = chooseToHide(shown, cellOrder, leak);
            shown.remove(hide);
            figures.put(hide, Reason.PROTECTS_OTHERS);
        }
        // hiding greedily can hide a group that later hidings made harmless: offer each back, biggest first
        List<GroupKey> hidden = new ArrayList<>(figures.entrySet().stream()
                .filter(e -> e.getValue() == Reason.PROTECTS_OTHERS).map(Map.Entry::getKey).toList());
        hidden.sort(hidingOrder().reversed());
        for (GroupKey group : hidden) {
            shown.add(group);
            if (findLeak(shown, cellOrder, k) == null) {
                figures.put(group, Reason.SHOWN);
            } else {
                shown.remove(group);
            }
        }
        Set<GroupKey> comments = commentGroups(shown, cellOrder, commentThreshold);
        Map<GroupKey, Decision> result = new LinkedHashMap<>();
        for (GroupKey group : offered) {
            result.put(group, new Decision(figures.get(group), comments.contains(group)));
        }
        return result;
    }

    /** Cells with at least one respondent, in a fixed order: by department, then kind of work. */
    private List<GroupKey.Cell> supportCells() {
        return cells.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .sorted(Comparator.comparingLong(GroupKey.Cell::team).thenComparing(GroupKey.Cell::role))
                .toList();
    }

    private int cellSize(GroupKey.Cell cell) {
        return cells.getOrDefault(cell, 0);
    }

    private static double[] vector(GroupKey group, List<GroupKey.Cell> cellOrder) {
        double[] v = new double[cellOrder.size()];
        for (int i = 0; i < v.length; i++) {
            GroupKey.Cell cell = cellOrder.get(i);
            v[i] = group.includes(cell.team(), cell.role()) ? 1 : 0;
        }
        return v;
    }

    /**
     * A set of cells with together fewer than the threshold of people on which some combination
     * of the shown groups is non-zero while it is zero everywhere else: a sum, a difference or
     * any other mix of the answers of those few people alone.
     */
    record Leak(Set<Integer> cells) {
    }

    /**
     * Looks for a leak. Cells with the threshold of people or more can never be part of one,
     * so the search runs in the part of the span that is zero on them (its reduced basis: the
     * rows whose pivot lies among the small cells). A vector of that part is zero outside a set
     * of cells T exactly when the columns of T in the part's orthogonal complement are linearly
     * dependent, so the search adds cells one at a time, smallest first, keeping their columns
     * reduced, and stops at the first column that the others already span. Only cells where
     * some basis row is non-zero can take part.
     */
    Leak findLeak(List<GroupKey> shown, List<GroupKey.Cell> cellOrder, int threshold) {
        int n = cellOrder.size();
        if (shown.isEmpty() || n == 0) {
            return null;
        }
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            size[i] = cellSize(cellOrder.get(i));
        }
        // columns: large cells first, so the rows whose pivot lies among the small cells are zero on every large one
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (size[i] >= threshold) {
                columns.add(i);
            }
        }
        int large = columns.size();
        for (int i = 0; i < n; i++) {
            if (size[i] < threshold) {
                columns.add(i);
            }
        }
        double[][] rows = new double[shown.size()][];
        for (int r = 0; r < rows.length; r++) {
            double[] v = vector(shown.get(r), cellOrder);
            double[] permuted = new double[n];
            for (int c = 0; c < n; c++) {
                permuted[c] = v[columns.get(c)];
            }
            rows[r] = permuted;
        }
        List<double[]> basis = new ArrayList<>();
        Map<Integer, Integer> rowOfPivot = new HashMap<>();
        for (Echelon.Row row : Echelon.reduce(rows)) {
            if (row.pivot() >= large) {
                rowOfPivot.put(row.pivot(), basis.size());
                basis.add(row.values());
            }
        }
        if (basis.isEmpty()) {
            return null;
        }
        // the orthogonal complement within the small cells: one coordinate per free cell a basis row touches
        List<Integer> free = new ArrayList<>();
        for (int c = large; c < n; c++) {
            if (!rowOfPivot.containsKey(c)) {
                for (double[] row : basis) {
                    if (row[c] != 0) {
                        free.add(c);
                        break;
                    }
                }
            }
        }
        List<Integer> candidates = new ArrayList<>(rowOfPivot.keySet());
        candidates.addAll(free);
        candidates.sort(Comparator.comparingInt((Integer c) -> size[columns.get(c)]).thenComparingInt(c -> c));
        double[][] dual = new double[candidates.size()][];
        for (int i = 0; i < dual.length; i++) {
            int c = candidates.get(i);
            double[] column = new double[free.size()];
            Integer row = rowOfPivot.get(c);
            for (int q = 0; q < free.size(); q++) {
                column[q] = row != null ? -basis.get(row)[free.get(q)] : free.get(q) == c ? 1 : 0;
            }
            dual[i] = column;
        }
        int[] weight = new int[candidates.size()];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = size[columns.get(candidates.get(i))];
        }
        int[] budget = {SEARCH_BUDGET};
        List<Integer> chosen = new ArrayList<>();
        boolean found = dependent(dual, weight, threshold, 0, 0, new ArrayList<>(), new ArrayList<>(), chosen, budget);
        if (!found) {
            return budget[0] < 0 ? new Leak(Set.of()) : null;
        }
        Set<Integer> original = new HashSet<>();
        chosen.forEach(i -> original.add(columns.get(candidates.get(i))));
        return new Leak(original);
    }

    /**
     * Depth-first over sets of candidates with together fewer than the threshold of people
     * (candidates come smallest first, so a too heavy one ends the loop); {@code reduced} holds
     * the chosen columns in echelon form, each zero on the pivots before it.
     */
    private static boolean dependent(double[][] dual, int[] weight, int threshold, int from, int people,
                                     List<double[]> reduced, List<Integer> pivots, List<Integer> chosen, int[] budget) {
        for (int i = from; i < dual.length; i++) {
            if (people + weight[i] >= threshold) {
                return false;
            }
            if (--budget[0] < 0) {
                return false;
            }
            double[] v = dual[i].clone();
            for (int b = 0; b < reduced.size(); b++) {
                double factor = v[pivots.get(b)];
                if (Math.abs(factor) >= EPSILON) {
                    double[] row = reduced.get(b);
                    for (int j = 0; j < v.length; j++) {
                        v[j] -= factor * row[j];
                    }
                }
            }
            int pivot = -1;
            for (int j = 0; j < v.length; j++) {
                if (Math.abs(v[j]) >= EPSILON && (pivot < 0 || Math.abs(v[j]) > Math.abs(v[pivot]))) {
                    pivot = j;
                }
            }
            chosen.add(i);
            if (pivot < 0) {
                return true;
            }
            double scale = v[pivot];
            for (int j = 0; j < v.length; j++) {
                v[j] /= scale;
            }
            reduced.add(v);
            pivots.add(pivot);
            if (dependent(dual, weight, threshold, i + 1, people + weight[i], reduced, pivots, chosen, budget)) {
                return true;
            }
            reduced.remove(reduced.size() - 1);
            pivots.remove(pivots.size() - 1);
            chosen.remove(chosen.size() - 1);
            if (budget[0] < 0) {
                return false;
            }
        }
        return false;
    }

    /** Whether some combination of the groups is non-zero on the cells and zero on every other cell. */
    private static boolean reaches(List<GroupKey> groups, List<GroupKey.Cell> cellOrder, Set<Integer> cells) {
        if (groups.isEmpty()) {
            return false;
        }
        double[][] all = new double[groups.size()][];
        double[][] without = new double[groups.size()][];
        for (int r = 0; r < all.length; r++) {
            all[r] = vector(groups.get(r), cellOrder);
            without[r] = all[r].clone();
            for (int c : cells) {
                without[r][c] = 0;
            }
        }
        return Echelon.reduce(all).size() > Echelon.reduce(without).size();
    }

    /**
     * The smallest shown group (then by a fixed order) without which the leak can no longer be
     * formed. When no single group does that, or the search ran out of budget, the smallest
     * shown group that touches a small cell is hidden, and the search runs again.
     */
    private GroupKey chooseToHide(List<GroupKey> shown, List<GroupKey.Cell> cellOrder, Leak leak) {
        List<GroupKey> candidates = new ArrayList<>(shown);
        candidates.sort(hidingOrder());
        if (!leak.cells().isEmpty()) {
            for (GroupKey candidate : candidates) {
                List<GroupKey> rest = new ArrayList<>(shown);
                rest.remove(candidate);
                if (!reaches(rest, cellOrder, leak.cells())) {
                    return candidate;
                }
            }
            for (GroupKey candidate : candidates) {
                double[] v = vector(candidate, cellOrder);
                if (leak.cells().stream().anyMatch(c -> v[c] != 0)) {
                    return candidate;
                }
            }
        }
        for (GroupKey candidate : candidates) {
            double[] v = vector(candidate, cellOrder);
            for (int c = 0; c < v.length; c++) {
                if (v[c] != 0 && cellSize(cellOrder.get(c)) < k) {
                    return candidate;
                }
            }
        }
        return candidates.get(0);
    }

    /**
     * Groups whose open answers may be listed: shown groups of at least the threshold, such
     * that every piece of the partition their lists make (by intersecting and taking
     * differences) is nobody or at least the threshold.
     */
    private Set<GroupKey> commentGroups(List<GroupKey> shown, List<GroupKey.Cell> cellOrder, int threshold) {
        List<GroupKey> lists = new ArrayList<>();
        for (GroupKey group : shown) {
            if (size(group) >= threshold) {
                lists.add(group);
            }
        }
        lists.sort(Comparator.comparingInt(this::size).thenComparing(Anonymity::canonical));
        while (true) {
            Map<String, List<Integer>> pieces = new LinkedHashMap<>();
            List<double[]> vectors = lists.stream().map(g -> vector(g, cellOrder)).toList();
            for (int c = 0; c < cellOrder.size(); c++) {
                StringBuilder signature = new StringBuilder();
                for (double[] v : vectors) {
                    signature.append(v[c] != 0 ? '1' : '0');
                }
                if (signature.indexOf("1") >= 0) {
                    pieces.computeIfAbsent(signature.toString(), s -> new ArrayList<>()).add(c);
                }
            }
            String smallest = null;
            int smallestSize = Integer.MAX_VALUE;
            for (var piece : pieces.entrySet()) {
                int people = piece.getValue().stream().mapToInt(c -> cellSize(cellOrder.get(c))).sum();
                if (people > 0 && people < threshold && people < smallestSize) {
                    smallest = piece.getKey();
                    smallestSize = people;
                }
            }
            if (smallest == null) {
                return new HashSet<>(lists);
            }
            lists.remove(mergeAway(lists, pieces, smallest));
        }
    }

    /**
     * The list to stop publishing so that the too small piece joins another piece or is
     * no longer in any list: the smallest such list, the whole company last; failing that,
     * the smallest list the piece lies in.
     */
    private static GroupKey mergeAway(List<GroupKey> lists, Map<String, List<Integer>> pieces, String signature) {
        long inLists = signature.chars().filter(ch -> ch == '1').count();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            if (!lists.get(i).equals(GroupKey.EVERYONE)) {
                order.add(i);
            }
        }
        order.add(lists.indexOf(GroupKey.EVERYONE));
        for (int i : order) {
            if (i < 0) {
                continue;
            }
            char[] flipped = signature.toCharArray();
            flipped[i] = flipped[i] == '1' ? '0' : '1';
            boolean joins = pieces.containsKey(new String(flipped));
            boolean leaves = signature.charAt(i) == '1' && inLists == 1;
            if (joins || leaves) {
                return lists.get(i);
            }
        }
        for (int i : order) {
            if (i >= 0 && signature.charAt(i) == '1') {
                return lists.get(i);
            }
        }
        return lists.get(0);
    }

    /**
     * Which group to give up first when one must go: a department before a kind of work,
     * a single kind of work before shop floor and leaders (their comparison is the scan's
     * main finding), the whole company last; within that the smallest, then by name.
     */
    private Comparator<GroupKey> hidingOrder() {
        return Comparator.comparingInt(Anonymity::worth).thenComparingInt(this::size)
                .thenComparing(Anonymity::canonical);
    }

    private static int worth(GroupKey group) {
        if (group.equals(GroupKey.EVERYONE)) {
            return 3;
        }
        if (group.team() != null) {
            return 0;
        }
        return group.roles().size() > 1 ? 2 : 1;
    }

    /** A stable name for a group, for ordering and storing. */
    public static String canonical(GroupKey group) {
        String team = group.team() == null ? "*" : Long.toString(group.team());
        String roles = group.roles() == null ? "*"
                : String.join("+", group.roles().stream().map(Enum::name).sorted().toList());
        return team + "/" + roles;
    }

    /** The group a stored name stands for. */
    public static GroupKey parse(String canonical) {
        String[] parts = canonical.split("/", 2);
        Long team = parts[0].equals("*") ? null : Long.valueOf(parts[0]);
        Set<RoleGroup> roles = null;
        if (!parts[1].equals("*")) {
            roles = new HashSet<>();
            for (String role : parts[1].split("\\+")) {
                roles.add(RoleGroup.valueOf(role));
            }
        }
        return new GroupKey(team, roles);
    }

    /** Row reduction with partial pivoting, small and dense. */
    static final class Echelon {

        record Row(int pivot, double[] values) {
        }

        /** The reduced row echelon form of the rows (rows of zeros left out). */
        static List<Row> reduce(double[][] input) {
            int rowsCount = input.length;
            double[][] m = new double[rowsCount][];
            for (int r = 0; r < rowsCount; r++) {
                m[r] = input[r].clone();
            }
            int columns = rowsCount == 0 ? 0 : m[0].length;
            List<Row> result = new ArrayList<>();
            int top = 0;
            for (int c = 0; c < columns && top < rowsCount; c++) {
                int best = top;
                for (int r = top + 1; r < rowsCount; r++) {
                    if (Math.abs(m[r][c]) > Math.abs(m[best][c])) {
                        best = r;
                    }
                }
                if (Math.abs(m[best][c]) < EPSILON) {
                    continue;
                }
                double[] swap = m[top];
                m[top] = m[best];
                m[best] = swap;
                double pivot = m[top][c];
                for (int j = 0; j < columns; j++) {
                    m[top][j] /= pivot;
                }
                for (int r = 0; r < rowsCount; r++) {
                    if (r != top && Math.abs(m[r][c]) >= EPSILON) {
                        double factor = m[r][c];
                        for (int j = 0; j < columns; j++) {
                            m[r][j] -= factor * m[top][j];
                        }
                    }
                }
                top++;
            }
            for (int r = 0; r < top; r++) {
                int pivot = 0;
                while (Math.abs(m[r][pivot]) < EPSILON) {
                    pivot++;
                }
                for (int j = 0; j < columns; j++) {
                    if (Math.abs(m[r][j]) < EPSILON) {
                        m[r][j] = 0;
                    }
                }
                result.add(new Row(pivot, m[r]));
            }
            return result;
        }
    }

    @Override
    public String toString() {
        Map<String, Reason> shown = new HashMap<>();
        decisions.forEach((g, d) -> shown.put(canonical(g), d.figures()));
        return "Anonymity" + shown;
    }
}
