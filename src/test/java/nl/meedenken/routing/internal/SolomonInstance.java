package nl.meedenken.routing.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Solomon VRPTW instance as published: a vehicle count and capacity, then the depot (node 0)
 * and the customers with coordinates, demand, ready time, due date and service time. Distances
 * are Euclidean, truncated to one decimal, as the distance-first best known results use them;
 * everything is kept in tenths so the arithmetic is exact.
 */
record SolomonInstance(String name, int vehicles, int capacity, List<Node> nodes) {

    record Node(int number, double x, double y, int demand, int ready, int due, int service) {
    }

    static SolomonInstance read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String name = lines.get(0).trim();
        int vehicles = 0;
        int capacity = 0;
        List<Node> nodes = new ArrayList<>();
        boolean vehicleLine = false;
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.trim().split("\\s+");
            if (line.trim().startsWith("NUMBER")) {
                vehicleLine = true;
                continue;
            }
            if (parts.length == 2 && vehicleLine && isNumber(parts[0])) {
                vehicles = Integer.parseInt(parts[0]);
                capacity = Integer.parseInt(parts[1]);
                vehicleLine = false;
            } else if (parts.length == 7 && isNumber(parts[0])) {
                nodes.add(new Node(Integer.parseInt(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                        (int) Double.parseDouble(parts[3]), (int) Double.parseDouble(parts[4]),
                        (int) Double.parseDouble(parts[5]), (int) Double.parseDouble(parts[6])));
            }
        }
        return new SolomonInstance(name, vehicles, capacity, nodes);
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && Character.isDigit(text.charAt(0));
    }

    /** Euclidean distance between two nodes in tenths, truncated. */
    long tenths(int from, int to) {
        Node a = nodes.get(from);
        Node b = nodes.get(to);
        return (long) Math.floor(Math.hypot(a.x() - b.x(), a.y() - b.y()) * 10 + 1e-9);
    }

    long[][] matrix() {
        long[][] m = new long[nodes.size()][nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = 0; j < nodes.size(); j++) {
                m[i][j] = tenths(i, j);
            }
        }
        return m;
    }

    /** The instance class: C1, C2, R1, R2, RC1 or RC2. */
    String family() {
        return name.replaceAll("\\d\\d$", "");
    }
}
