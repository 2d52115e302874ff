package nl.meedenken.routing.internal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Not a test: our optimiser against the best known distance-first results of the Solomon VRPTW
 * instances, with jsprit side by side under the same time limit. Read the instances where they
 * are shipped, beside the project; nothing is copied into the repository.
 *
 * <pre>
 * ./mvnw test -Dtest=SolomonBenchmark -Dbenchmark.excluded=none
 *     -Dsolomon.filter=C1,R101   (classes or instances; all 56 when left out)
 *     -Dsolomon.seconds=10       (the limit for every instance)
 *     -Dsolomon.long=60          (the limit for the first two of each class; 0 skips that round)
 *     -Dsolomon.sideBySide=true  (both solvers at once, one core each; false runs them in turn)
 *     -Dsolomon.dir=../shared/data/vrptw
 * </pre>
 *
 * The table is printed and written to {@code target/solomon-benchmark.md}.
 */
@Tag("benchmark")
class SolomonBenchmark {

    record Row(String instance, String family, double best, TimefoldSolomon.Outcome ours, JspritSolomon.Outcome theirs) {

        double ourGap() {
            return gap(ours.distanceTenths());
        }

        double theirGap() {
            return gap(theirs.distanceTenths());
        }

        private double gap(long tenths) {
            return (tenths / 10.0 - best) / best * 100;
        }
    }

    @Test
    void solomon() throws Exception {
        Path dir = Path.of(System.getProperty("solomon.dir", "../shared/data/vrptw"));
        Map<String, Double> best = bestKnown(dir.resolve("solomon-bks.csv"));
        List<String> wanted = List.of(System.getProperty("solomon.filter", "").split(",")).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).toList();
        int seconds = Integer.getInteger("solomon.seconds", 10);
        int longSeconds = Integer.getInteger("solomon.long", 60);
        boolean sideBySide = Boolean.parseBoolean(System.getProperty("solomon.sideBySide", "true"));

        List<SolomonInstance> instances = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("solomon"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".txt", "").toUpperCase(Locale.ROOT);
                SolomonInstance instance = SolomonInstance.read(file);
                if (wanted.isEmpty() || wanted.contains(name) || wanted.contains(instance.family())) {
                    instances.add(instance);
                }
            }
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Machine: %d cores, Java %s, %s%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                sideBySide ? "both solvers at once, one thread each" : "one solver at a time, one thread"));
        report.append(round(instances, best, seconds, sideBySide));
        if (longSeconds > 0) {
            Map<String, Integer> perFamily = new LinkedHashMap<>();
            List<SolomonInstance> firstTwo = instances.stream()
                    .filter(i -> perFamily.merge(i.family(), 1, Integer::sum) <= 2).toList();
            report.append(round(firstTwo, best, longSeconds, sideBySide));
        }
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/solomon-benchmark.md"), report.toString());
    }

    private static String round(List<SolomonInstance> instances, Map<String, Double> best, int seconds,
                                boolean sideBySide) throws Exception {
        Duration limit = Duration.ofSeconds(seconds);
        List<Row> rows = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (SolomonInstance instance : instances) {
                TimefoldSolomon.Outcome ours;
                JspritSolomon.Outcome theirs;
                if (sideBySide) {
                    CompletableFuture<TimefoldSolomon.Outcome> a = CompletableFuture.supplyAsync(
                            () -> TimefoldSolomon.solve(instance, limit), pool);
                    CompletableFuture<JspritSolomon.Outcome> b = CompletableFuture.supplyAsync(
                            () -> JspritSolomon.solve(instance, limit), pool);
                    ours = a.get();
                    theirs = b.get();
                } else {
                    ours = TimefoldSolomon.solve(instance, limit);
                    theirs = JspritSolomon.solve(instance, limit);
                }
                Row row = new Row(instance.name(), instance.family(), best.get(instance.name().toUpperCase(Locale.ROOT)),
                        ours, theirs);
                rows.add(row);
                System.out.printf(Locale.ROOT, "%s %ds: ours %.1f (%+.2f%%), jsprit %.1f (%+.2f%%)%n", row.instance(),
                        seconds, ours.distanceTenths() / 10.0, row.ourGap(), theirs.distanceTenths() / 10.0, row.theirGap());
            }
        } finally {
            pool.shutdown();
        }
        return table(rows, seconds);
    }

    private static String table(List<Row> rows, int seconds) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "### %d s per instance (%d instances)%n%n", seconds, rows.size()));
        t.append("| instance | best known | Timefold vehicles | Timefold distance | Timefold gap | Timefold time "
                + "| jsprit vehicles | jsprit distance | jsprit gap | jsprit time |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            t.append(String.format(Locale.ROOT, "| %s | %.1f | %d | %.1f%s | %.2f%% | %.1f s | %d | %.1f%s | %.2f%% | %.1f s |%n",
                    r.instance(), r.best(), r.ours().vehicles(), r.ours().distanceTenths() / 10.0,
                    r.ours().feasible() ? "" : " ✗", r.ourGap(), r.ours().took().toMillis() / 1000.0,
                    r.theirs().vehicles(), r.theirs().distanceTenths() / 10.0, r.theirs().feasible() ? "" : " ✗",
                    r.theirGap(), r.theirs().took().toMillis() / 1000.0));
        }
        t.append("\n| class | instances | Timefold average gap | jsprit average gap | Timefold better on |\n");
        t.append("|---|---:|---:|---:|---:|\n");
        Map<String, List<Row>> byFamily = new LinkedHashMap<>();
        rows.forEach(r -> byFamily.computeIfAbsent(r.family(), k -> new ArrayList<>()).add(r));
        byFamily.put("all", rows);
        byFamily.forEach((family, list) -> t.append(String.format(Locale.ROOT, "| %s | %d | %.2f%% | %.2f%% | %d |%n",
                family, list.size(), list.stream().mapToDouble(Row::ourGap).average().orElse(0),
                list.stream().mapToDouble(Row::theirGap).average().orElse(0),
                list.stream().filter(r -> r.ours().distanceTenths() < r.theirs().distanceTenths()).count())));
        long infeasible = rows.stream().filter(r -> !r.ours().feasible()).count()
                + rows.stream().filter(r -> !r.theirs().feasible()).count();
        if (infeasible > 0) {
            t.append("\n✗ breaks a rule (a window, the capacity or a customer left off).\n");
        }
        return t.append('\n').toString();
    }

    private static Map<String, Double> bestKnown(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int name = header.indexOf("instance");
        int distance = header.indexOf("distfirst_trunc1dec_BKS");
        Map<String, Double> best = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            best.put(cells[name].trim().toUpperCase(Locale.ROOT), Double.parseDouble(cells[distance].trim()));
        }
        return best;
    }
}
