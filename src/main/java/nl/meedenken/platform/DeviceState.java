package nl.meedenken.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Something a module keeps on a device for whoever uses it (a cookie and what it points to on
 * the server) that must not pass from one person to the next on a shared phone or computer.
 * Signing out and signing in clear every one: a module declares a bean of this type, the
 * platform calls it, and the platform never needs to know what the state is.
 */
public interface DeviceState {

    /** Removes the state this request's device carries: the cookie (through the response) and what it opens. */
    void clear(HttpServletRequest request, HttpServletResponse response);
}
