package nl.meedenken.scan.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An attacker who has every shown figure and adds and subtracts them in any amounts, done
 * independently of {@link Anonymity}: exact fractions instead of floating point, and a
 * search over sets of cells instead of over the shown groups.
 */
final class Attacker {

    private Attacker() {
    }

    /**
     * The smallest number of people (1 … limit−1) in a set of cells on which some combination
     * of the shown groups, with any coefficients, is non-zero while it is zero on every other
     * cell (a sum of their answers, or a difference, or any mix), or 0 when there is none.
     */
    static int smallestReachable(Anonymity anonymity, List<GroupKey.Cell> cells, int limit) {
        List<GroupKey> shown = anonymity.decisions().keySet().stream().filter(anonymity::visible).toList();
        return smallestReachable(shown, anonymity::size, cells, limit);
    }

    /**
     * The same for groups that were seen published, with the true sizes of the cells. A vector
     * that is zero outside a set T is a combination of the shown groups exactly when it is
     * orthogonal to their null space, that is when the null-space columns of T are linearly
     * dependent with its values as weights; so every set of small cells is tried by the rank
     * of its columns, exactly, in integers.
     */
    static int smallestReachable(List<GroupKey> shown, java.util.function.ToIntFunction<GroupKey> sizeOf,
                                 List<GroupKey.Cell> cells, int limit) {
        if (shown.isEmpty()) {
            return 0;
        }
        int n = cells.size();
        BigInteger[][] m = new BigInteger[shown.size()][n];
        for (int r = 0; r < shown.size(); r++) {
            for (int c = 0; c < n; c++) {
                m[r][c] = shown.get(r).includes(cells.get(c).team(), cells.get(c).role()) ? BigInteger.ONE : BigInteger.ZERO;
            }
        }
        List<BigInteger[]> nullSpace = nullSpace(m, n);
        int[] size = new int[n];
        List<Integer> small = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            size[c] = sizeOf.applyAsInt(GroupKey.of(cells.get(c).team(), cells.get(c).role()));
            if (size[c] > 0 && size[c] < limit) {
                small.add(c);
            }
        }
        int[] best = {0};
        search(small, 0, size, limit, new ArrayList<>(), nullSpace, 0, best);
        return best[0];
    }

    private static void search(List<Integer> small, int from, int[] size, int limit, List<Integer> chosen,
                               List<BigInteger[]> nullSpace, int people, int[] best) {
        if (!chosen.isEmpty() && dependent(chosen, nullSpace)) {
            if (best[0] == 0 || people < best[0]) {
                best[0] = people;
            }
            return;
        }
        for (int i = from; i < small.size(); i++) {
            int cell = small.get(i);
            if (people + size[cell] >= limit || (best[0] != 0 && people + size[cell] >= best[0])) {
                continue;
            }
            chosen.add(cell);
            search(small, i + 1, size, limit, chosen, nullSpace, people + size[cell], best);
            chosen.remove(chosen.size() - 1);
        }
    }

    /** Whether the null-space columns of the chosen cells have a rank below their number. */
    private static boolean dependent(List<Integer> chosen, List<BigInteger[]> nullSpace) {
        BigInteger[][] rows = new BigInteger[chosen.size()][nullSpace.size()];
        for (int r = 0; r < chosen.size(); r++) {
            for (int j = 0; j < nullSpace.size(); j++) {
                rows[r][j] = nullSpace.get(j)[chosen.get(r)];
            }
        }
        return rank(rows, nullSpace.size()) < chosen.size();
    }

    /** The rank, by fraction-free elimination. */
    private static int rank(BigInteger[][] input, int columns) {
        BigInteger[][] m = new BigInteger[input.length][];
        for (int r = 0; r < input.length; r++) {
            m[r] = input[r].clone();
        }
        int top = 0;
        for (int c = 0; c < columns && top < m.length; c++) {
            int found = -1;
            for (int r = top; r < m.length; r++) {
                if (m[r][c].signum() != 0) {
                    found = r;
                    break;
                }
            }
            if (found < 0) {
                continue;
            }
            BigInteger[] swap = m[top];
            m[top] = m[found];
            m[found] = swap;
            for (int r = top + 1; r < m.length; r++) {
                if (m[r][c].signum() != 0) {
                    BigInteger a = m[top][c];
                    BigInteger b = m[r][c];
                    for (int j = 0; j < columns; j++) {
                        m[r][j] = m[r][j].multiply(a).subtract(m[top][j].multiply(b));
                    }
                    reduce(m[r]);
                }
            }
            top++;
        }
        return top;
    }

    /** Integer vectors x with m·x = 0 spanning all such vectors (a vector is reachable iff it is orthogonal to all). */
    private static List<BigInteger[]> nullSpace(BigInteger[][] input, int n) {
        int rows = input.length;
        BigInteger[][] m = new BigInteger[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = input[r].clone();
        }
        int[] pivotOfRow = new int[rows];
        int top = 0;
        for (int c = 0; c < n && top < rows; c++) {
            int found = -1;
            for (int r = top; r < rows; r++) {
                if (m[r][c].signum() != 0) {
                    found = r;
                    break;
                }
            }
            if (found < 0) {
                continue;
            }
            BigInteger[] swap = m[top];
            m[top] = m[found];
            m[found] = swap;
            for (int r = 0; r < rows; r++) {
                if (r != top && m[r][c].signum() != 0) {
                    BigInteger a = m[top][c];
                    BigInteger b = m[r][c];
                    for (int j = 0; j < n; j++) {
                        m[r][j] = m[r][j].multiply(a).subtract(m[top][j].multiply(b));
                    }
                    reduce(m[r]);
                }
            }
            pivotOfRow[top] = c;
            top++;
        }
        Map<Integer, Integer> rowOfPivot = new HashMap<>();
        for (int r = 0; r < top; r++) {
            rowOfPivot.put(pivotOfRow[r], r);
        }
        List<BigInteger[]> basis = new ArrayList<>();
        for (int free = 0; free < n; free++) {
            if (rowOfPivot.containsKey(free)) {
                continue;
            }
            // x_free = L, x_pivot(r) = -m[r][free] * L / m[r][pivot(r)] with L the product of the pivots
            BigInteger l = BigInteger.ONE;
            for (int r = 0; r < top; r++) {
                l = l.multiply(m[r][pivotOfRow[r]]);
            }
            BigInteger[] x = new BigInteger[n];
            java.util.Arrays.fill(x, BigInteger.ZERO);
            x[free] = l;
            for (int r = 0; r < top; r++) {
                x[pivotOfRow[r]] = m[r][free].negate().multiply(l).divide(m[r][pivotOfRow[r]]);
            }
            basis.add(x);
        }
        return basis;
    }

    private static void reduce(BigInteger[] row) {
        BigInteger g = BigInteger.ZERO;
        for (BigInteger v : row) {
            g = g.gcd(v);
        }
        if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
            for (int j = 0; j < row.length; j++) {
                row[j] = row[j].divide(g);
            }
        }
    }

    /**
     * The smallest number of people (1 … limit−1) in a piece that the shown lists of open
     * answers cut the respondents into (by intersections and differences), or 0.
     */
    static int smallestCommentPiece(Anonymity anonymity, List<GroupKey.Cell> cells, int limit) {
        List<GroupKey> lists = anonymity.decisions().keySet().stream().filter(anonymity::commentsVisible).toList();
        return smallestCommentPiece(lists, anonymity::size, cells, limit);
    }

    static int smallestCommentPiece(List<GroupKey> lists, java.util.function.ToIntFunction<GroupKey> sizeOf,
                                    List<GroupKey.Cell> cells, int limit) {
        Map<String, Integer> pieces = new HashMap<>();
        for (GroupKey.Cell cell : cells) {
            StringBuilder signature = new StringBuilder();
            for (GroupKey list : lists) {
                signature.append(list.includes(cell.team(), cell.role()) ? '1' : '0');
            }
            if (signature.indexOf("1") >= 0) {
                pieces.merge(signature.toString(), sizeOf.applyAsInt(GroupKey.of(cell.team(), cell.role())), Integer::sum);
            }
        }
        return pieces.values().stream().filter(p -> p > 0 && p < limit).min(Integer::compare).orElse(0);
    }
}
