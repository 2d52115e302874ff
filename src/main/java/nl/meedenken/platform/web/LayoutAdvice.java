package nl.meedenken.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Navigation;
import nl.meedenken.platform.NavigationItem;
import nl.meedenken.platform.Notifications;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Gives every page what the layout needs: who is signed in and where they can go. */
@ControllerAdvice
class LayoutAdvice {

    /** Shop-floor phones show at most this many destinations in the bottom bar. */
    static final int BOTTOM_BAR_SIZE = 4;

    private final Navigation navigation;
    private final Notifications notifications;

    LayoutAdvice(Navigation navigation, Notifications notifications) {
        this.navigation = navigation;
        this.notifications = notifications;
    }

    /** The number on the bell: notifications not read yet. */
    @ModelAttribute("unread")
    int unread(HttpServletRequest request) {
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
            return 0; // an error page asks nothing of the database, which may be what failed
        }
        SignedInUser user = me();
        return user == null ? 0 : notifications.unread(user.personId());
    }

    @ModelAttribute("me")
    SignedInUser me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedInUser user ? user : null;
    }

    @ModelAttribute("navigation")
    Map<NavigationItem.Section, List<NavigationItem>> navigation() {
        SignedInUser user = me();
        return user == null ? Map.of() : navigation.bySection(user.roles());
    }

    @ModelAttribute("bottomBar")
    List<NavigationItem> bottomBar() {
        SignedInUser user = me();
        if (user == null || !user.isShopFloorOnly()) {
            return List.of();
        }
        return navigation.visibleTo(user.roles()).stream().limit(BOTTOM_BAR_SIZE).toList();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /**
     * The navigation entry this page belongs to: the longest entry path that is the page's
     * path or a folder above it, so {@code /ideas/42} lights up "Ideas" and
     * {@code /ideas/experiments/3} lights up "Experiments".
     */
    @ModelAttribute("activePath")
    String activePath(HttpServletRequest request) {
        SignedInUser user = me();
        String path = request.getRequestURI();
        if (user == null) {
            return path;
        }
        return navigation.visibleTo(user.roles()).stream().map(NavigationItem::path)
                .filter(p -> p.equals(path) || (!p.equals("/") && path.startsWith(p + "/")))
                .max(java.util.Comparator.comparingInt(String::length)).orElse(path);
    }

    /** On a shared tablet in kiosk mode: its start page, which every page offers as "Start again". */
    @ModelAttribute("kioskHome")
    String kioskHome(HttpServletRequest request) {
        return nl.meedenken.platform.Kiosk.home(request).orElse(null);
    }

    @ModelAttribute("screenLanguages")
    List<Language> screenLanguages() {
        return Language.withScreens();
    }

    @ModelAttribute("allRoles")
    Set<Role> allRoles() {
        return java.util.EnumSet.allOf(Role.class);
    }
}
