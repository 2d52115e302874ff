package nl.meedenken.platform;

import java.util.Set;

/**
 * A destination a module offers in the navigation and on the home page. Modules declare
 * these as beans; the layout shows each one only to people holding one of its roles.
 *
 * @param path        where it leads, e.g. {@code /admin/people}
 * @param labelKey    message key of the short name
 * @param descriptionKey message key of one sentence for the home page card
 * @param icon        Bootstrap Icons name without the {@code bi-} prefix
 * @param roles       who sees it; {@link Role#EMPLOYEE} means everyone signed in
 * @param order       position, low first
 * @param section     group heading in the side navigation
 */
public record NavigationItem(String path, String labelKey, String descriptionKey, String icon, Set<Role> roles,
                             int order, Section section) {

    public enum Section {
        MINE, WORK, COMPANY, ADMIN;

        public String labelKey() {
            return "nav.section." + name();
        }
    }

    public boolean visibleTo(Set<Role> userRoles) {
        return roles.stream().anyMatch(userRoles::contains);
    }
}
