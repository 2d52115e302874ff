package nl.meedenken.routing.internal;

/**
 * Distance and driving time between every pair of places the model knows, by index. The units
 * are the model's: metres and seconds when planning a real day, tenths of a unit for the
 * Solomon benchmark.
 */
public record Matrix(long[][] distance, long[][] time) {

    public long distance(int from, int to) {
        return distance[from][to];
    }

    public long time(int from, int to) {
        return time[from][to];
    }

    public int size() {
        return distance.length;
    }
}
