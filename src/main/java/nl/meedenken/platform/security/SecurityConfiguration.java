package nl.meedenken.platform.security;

import nl.meedenken.platform.Role;
import nl.meedenken.platform.SetupState;
import nl.meedenken.platform.SignInGuard;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.DeviceState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Who may open what. Pages are grouped by their first path segment; each group names the
 * roles that may use it. A module adding a page group adds one line here.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Paths anyone may open, signed in or not. */
    static final String[] PUBLIC_PATHS = {"/login", "/activate", "/setup", "/language", "/scan/answer",
            "/scan/answer/**", "/learning/follow-up", "/ideas/follow-up", "/guest/**", "/kiosk/*", "/rfms-simulator/**",
            "/webjars/**", "/css/**", "/js/**", "/img/**", "/icons/**", "/favicon.ico", "/favicon.svg", "/actuator/health",
            "/actuator/health/**", "/error",
            // the installable app: manifest, service worker and the page it shows without a connection
            "/manifest.webmanifest", "/sw.js", "/offline"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInGuard guard, SetupState setup, AuditLog audit,
                                            LocaleResolver localeResolver, ObjectProvider<DeviceState> deviceStates,
                                            PasswordEncoder passwords)
            throws Exception {
        DeviceStateCleanup deviceState = new DeviceStateCleanup(deviceStates);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/admin/posters", "/admin/posters/*")
                        .hasAnyRole(Role.ADMIN.name(), Role.MANAGEMENT.name())
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/scan/campaigns/new", "/scan/campaigns/*/open", "/scan/campaigns/*/close",
                                "/scan/campaigns/*/codes", "/scan/campaigns/*/actions",
                                "/scan/campaigns/*/batches/*/print").hasRole(Role.MANAGEMENT.name())
                        // paper codes: the works council co-signs (or declines) batches and decides whether it must
                        .requestMatchers("/scan/campaigns/*/batches/*/cosign", "/scan/campaigns/*/batches/*/decline",
                                "/scan/campaigns/cosigning").hasRole(Role.WORKS_COUNCIL.name())
                        .requestMatchers("/scan/campaigns/*/batches", "/scan/campaigns/*/audit")
                        .hasAnyRole(Role.MANAGEMENT.name(), Role.WORKS_COUNCIL.name())
                        .requestMatchers(HttpMethod.POST, "/scan/campaigns").hasRole(Role.MANAGEMENT.name())
                        .requestMatchers(HttpMethod.POST, "/scan/campaigns/*/answer").authenticated()
                        .requestMatchers("/scan/campaigns/*/report", "/scan/campaigns/*/report.pdf",
                                "/scan/campaigns/*/results.csv")
                        .hasAnyRole(Role.MANAGEMENT.name(), Role.WORKS_COUNCIL.name())
                        .requestMatchers("/openbook/manage", "/openbook/manage/**").hasRole(Role.MANAGEMENT.name())
                        .requestMatchers("/learning/reports", "/learning/reports/**", "/learning/lessons/*/withdraw")
                        .hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGEMENT.name())
                        // team leads hand out access to their own team; the controller checks each person again
                        .requestMatchers("/team/access", "/team/access/**").hasRole(Role.TEAM_LEAD.name())
                        .requestMatchers("/evaluations/schedule").hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGEMENT.name())
                        .requestMatchers("/driver", "/driver/**").hasRole(Role.DRIVER.name())
                        .requestMatchers("/transport/loading", "/transport/loading/**")
                        .hasAnyRole(Role.WAREHOUSE.name(), Role.PLANNER.name(), Role.MANAGEMENT.name())
                        .requestMatchers("/transport/settings/sites/**").hasRole(Role.MANAGEMENT.name())
                        .requestMatchers("/transport", "/transport/**").hasAnyRole(Role.PLANNER.name(), Role.MANAGEMENT.name())
                        .requestMatchers("/routing", "/routing/**").hasAnyRole(Role.PLANNER.name(), Role.MANAGEMENT.name())
                        .requestMatchers("/leadership/programme", "/leadership/programme/**")
                        .hasAnyRole(Role.ADMIN.name(), Role.MANAGEMENT.name())
                        .requestMatchers("/leadership/leaders", "/leadership/leaders/**", "/leadership/feedback/wave",
                                "/leadership/feedback/waves/**").hasRole(Role.MANAGEMENT.name())
                        .requestMatchers("/leadership/feedback", "/leadership/feedback/**")
                        .hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGEMENT.name())
                        .requestMatchers("/leadership", "/leadership/**")
                        .hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGEMENT.name(), Role.ADMIN.name())
                        .requestMatchers("/driving/admin", "/driving/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/driving/agreement/*/consent").hasRole(Role.WORKS_COUNCIL.name())
                        .requestMatchers("/driving/agreement/new", "/driving/agreement/*/edit", "/driving/agreement/*/discard",
                                "/driving/agreement/*/end")
                        .hasRole(Role.MANAGEMENT.name())
                        .requestMatchers(HttpMethod.POST, "/driving/agreement", "/driving/agreement/*")
                        .hasRole(Role.MANAGEMENT.name())
                        .requestMatchers("/driving/leaderboard").hasRole(Role.DRIVER.name())
                        .requestMatchers("/driving/drivers", "/driving/drivers/**")
                        .hasAnyRole(Role.PLANNER.name(), Role.TEAM_LEAD.name(), Role.MANAGEMENT.name())
                        .requestMatchers("/driving/loading")
                        .hasAnyRole(Role.DRIVER.name(), Role.WAREHOUSE.name(), Role.PLANNER.name(), Role.TEAM_LEAD.name(),
                                Role.MANAGEMENT.name())
                        .requestMatchers("/innovations/new").hasRole(Role.MANAGEMENT.name())
                        .requestMatchers(HttpMethod.POST, "/innovations").hasRole(Role.MANAGEMENT.name())
                        .requestMatchers("/scan/campaigns", "/scan/campaigns/**")
                        .hasAnyRole(Role.MANAGEMENT.name(), Role.WORKS_COUNCIL.name(), Role.TEAM_LEAD.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(new SignInSuccessHandler(localeResolver, deviceState))
                        .failureHandler(new SignInFailureHandler())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(deviceState)
                        .logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(session -> session.sessionFixation(fix -> fix.changeSessionId()))
                // a form sent after its session ended: sign in and back to the form, filled in (issue 19)
                .exceptionHandling(denied -> denied.accessDeniedHandler(
                        new SessionEndedHandler(new AccessDeniedHandlerImpl(), PUBLIC_PATHS)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(self), payment=()")))
                .addFilterAfter(new SetupGateFilter(setup), SecurityContextHolderFilter.class)
                .addFilterAfter(new SessionValidityFilter(guard), SetupGateFilter.class)
                .addFilterBefore(new AddressThrottleFilter(guard, audit, passwords), UsernamePasswordAuthenticationFilter.class)
                // a name or password no database can hold is refused before the throttle looks the account up
                .addFilterBefore(new UnusableSignIn(), AddressThrottleFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }
}
