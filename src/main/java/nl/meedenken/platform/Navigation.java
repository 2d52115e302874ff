package nl.meedenken.platform;

import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Collects the destinations all modules offer and filters them for one person. */
@Service
public class Navigation {

    private final List<NavigationItem> items;

    Navigation(List<NavigationItem> items) {
        this.items = items.stream()
                .sorted(Comparator.comparing(NavigationItem::section).thenComparingInt(NavigationItem::order))
                .toList();
    }

    public List<NavigationItem> visibleTo(Set<Role> roles) {
        return items.stream().filter(i -> i.visibleTo(roles)).toList();
    }

    public Map<NavigationItem.Section, List<NavigationItem>> bySection(Set<Role> roles) {
        return visibleTo(roles).stream().collect(Collectors.groupingBy(NavigationItem::section, LinkedHashMap::new,
                Collectors.toList()));
    }
}
