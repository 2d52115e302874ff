package nl.meedenken.platform.web;

import nl.meedenken.TestLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every POST endpoint of the product, found in the request mappings, gets a generated mix of
 * values no form expects (NUL and other control characters, 1e20, texts of 10,000 characters,
 * ids of 20 digits, the day -999999999-01-01, empty, unusual Unicode) in every field of its
 * form, with a valid CSRF token, from a persona that may use it. None may answer with a server
 * error. Runs on a database of its own, because the posts may change the demo data. Another
 * seed or more rounds: {@code -Dbadinput.seed=7 -Dbadinput.rounds=20}.
 */
@SpringBootTest(properties = "meedenken.embedded.database=badinput")
@AutoConfigureMockMvc
class BadInputOnEveryFormTest {

    /** Rounds per endpoint; each round gives every field another bad value. */
    private static final int ROUNDS = Integer.getInteger("badinput.rounds", 5);
    private static final long SEED = Long.getLong("badinput.seed", 19L);

    /** Values no form expects. */
    static final List<String> BAD = List.of(
            "", " ", "a\u0000b", "\u0000", "line\u0007bell", "\u001b[31m", "tab\tand\nnewline", "\u007f\u0085\u009f",
            "1e20", "-1e20", "1E308", "NaN", "Infinity", "-0", "-1", "0", "12,5", "1.000.000,00",
            "99999999999999999999", "-99999999999999999999", "9223372036854775808", "2147483648",
            "-999999999-01-01", "+999999999-12-31", "2026-02-30", "0000-01-01", "99999-01-01", "2026-13-01", "25:61",
            "x".repeat(10_000), "é".repeat(300), "\uD83D\uDE9A".repeat(500), "\uD800", "\uFFFE", "\u202Eevil",
            "<script>alert(1)</script>", "' or 1=1 --", "%00", "../../etc/passwd", "true", "on", "DRIVER", "ADMIN");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noFormOfTheProductAnswersBadValuesWithAServerError() throws Exception {
        Map<String, Set<String>> templateFields = templateFields();
        Map<String, List<RenderedForm>> rendered = renderedForms();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int endpoints = 0;
        int requests = 0;
        for (var entry : new TreeMap<>(postEndpoints()).entrySet()) {
            endpoints++;
            String pattern = entry.getKey();
            HandlerMethod handler = entry.getValue();
            List<RenderedForm> pages = rendered.getOrDefault(normalised(pattern), List.of());
            Set<String> names = fields(handler, templateFields.getOrDefault(normalised(pattern), Set.of()));
            List<String> files = files(handler);
            for (int round = 0; round < ROUNDS; round++) {
                // a form as the page gives it (or made up from the field names), with one to three fields spoilt
                RenderedForm page = pages.isEmpty() ? null : pages.get(random.nextInt(pages.size()));
                String path = page != null && round < ROUNDS - 1 ? page.action()
                        : pattern.replaceAll("\\{[^}]+}", round == ROUNDS - 1 ? "99999999999999999999" : String.valueOf(1 + round));
                Map<String, List<String>> values = new LinkedHashMap<>();
                if (page != null) {
                    page.fields().forEach((name, given) -> values.put(name, new ArrayList<>(given)));
                }
                for (String name : names) {
                    values.computeIfAbsent(name, n -> new ArrayList<>(List.of(plausible(n))));
                }
                values.replaceAll((name, given) -> given.stream().map(v -> v.isEmpty() ? plausible(name) : v)
                        .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
                List<String> keys = new ArrayList<>(values.keySet());
                // the first round spoils every field; the others one to three, so the rest gets past the form's own checks
                int spoilt = keys.isEmpty() ? 0 : round == 0 ? keys.size() : 1 + random.nextInt(Math.min(3, keys.size()));
                for (int i = 0; i < spoilt; i++) {
                    String name = round == 0 ? keys.get(i) : keys.get(random.nextInt(keys.size()));
                    values.put(name, new ArrayList<>(List.of(BAD.get(random.nextInt(BAD.size())))));
                }
                String persona = page != null ? page.persona() : personaFor(path);
                AbstractMockHttpServletRequestBuilder<?> request;
                if (files.isEmpty()) {
                    request = post(path);
                } else {
                    MockMultipartHttpServletRequestBuilder upload = multipart(path);
                    for (String file : files) {
                        upload.file(new MockMultipartFile(file, "upload.csv", "text/csv", badFile(random)));
                    }
                    request = upload;
                }
                for (var value : values.entrySet()) {
                    request.param(value.getKey(), value.getValue().toArray(String[]::new));
                }
                request.header("Referer", "http://localhost" + (page != null ? page.page() : path)).with(csrf());
                requests++;
                try {
                    request.with(TestLogins.as(users, persona));
                    int status = mvc.perform(request).andReturn().getResponse().getStatus();
                    if (status >= 500) {
                        failures.add(status + " on POST " + path + " as " + persona + " with " + shown(values));
                    }
                } catch (Exception | AssertionError e) {
                    failures.add("exception on POST " + path + " as " + persona + " with " + shown(values) + ": "
                            + rootCause(e));
                }
            }
        }
        // signing in is a filter, not a controller: the same values as name and password
        for (int round = 0; round < 20; round++) {
            String username = BAD.get(random.nextInt(BAD.size()));
            String password = BAD.get(random.nextInt(BAD.size()));
            requests++;
            try {
                int status = mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                        .with(TestLogins.from("10.19.5." + round))).andReturn().getResponse().getStatus();
                if (status >= 500) {
                    failures.add(status + " on POST /login with " + shown(Map.of("username", List.of(username),
                            "password", List.of(password))));
                }
            } catch (Exception | AssertionError e) {
                failures.add("exception on POST /login with " + shown(Map.of("username", List.of(username),
                        "password", List.of(password))) + ": " + rootCause(e));
            }
        }
        assertThat(endpoints).as("POST endpoints found").isGreaterThan(100);
        assertThat(rendered).as("forms found on the pages").hasSizeGreaterThan(40);
        assertThat(failures).as("server errors in %d requests (seed %d)", requests, SEED).isEmpty();
    }

    /** A form as a page of the product shows it: where it posts, what it sends as it is, and who saw it. */
    record RenderedForm(String page, String persona, String action, Map<String, List<String>> fields) {
    }

    /** The post forms on every page that opens without parameters, for a persona that may open it, by their path pattern. */
    private Map<String, List<RenderedForm>> renderedForms() throws Exception {
        Map<String, List<RenderedForm>> forms = new LinkedHashMap<>();
        Set<String> pages = new java.util.TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            var methods = entry.getKey().getMethodsCondition().getMethods();
            if ((methods.isEmpty() || methods.contains(RequestMethod.GET))
                    && entry.getValue().getBeanType().getPackageName().startsWith("nl.meedenken")) {
                for (String pattern : entry.getKey().getPatternValues()) {
                    if (!pattern.contains(".") && !pattern.contains("photo") && !pattern.contains("image")
                            && !pattern.startsWith("/rfms-simulator") && !pattern.contains("*")) {
                        pages.add(pattern.replaceAll("\\{[^}]+}", "1"));
                        if (pattern.contains("{")) {
                            pages.add(pattern.replaceAll("\\{[^}]+}", "2"));
                        }
                    }
                }
            }
        }
        Pattern form = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
        for (String page : pages) {
            String persona = personaFor(page);
            String html;
            try {
                var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(page)
                        .with(TestLogins.as(users, persona))).andReturn().getResponse();
                if (response.getStatus() != 200 || response.getContentType() == null
                        || !response.getContentType().startsWith("text/html")) {
                    continue;
                }
                html = response.getContentAsString(StandardCharsets.UTF_8);
            } catch (Exception e) {
                continue;
            }
            Matcher forms2 = form.matcher(html);
            while (forms2.find()) {
                Map<String, String> attributes = attributes(forms2.group(1));
                String action = attributes.getOrDefault("hx-post",
                        "post".equalsIgnoreCase(attributes.get("method")) ? attributes.get("action") : null);
                if (action == null || !action.startsWith("/") || action.startsWith("/logout") || action.startsWith("/language")) {
                    continue;
                }
                action = action.replaceAll("[?#].*", "");
                String pattern = patternOf(action);
                if (pattern != null) {
                    forms.computeIfAbsent(normalised(pattern), p -> new ArrayList<>())
                            .add(new RenderedForm(page, persona, action, values(forms2.group(2))));
                }
            }
        }
        return forms;
    }

    /** The path pattern of the POST endpoint that takes this path, if any. */
    private String patternOf(String path) {
        org.springframework.util.AntPathMatcher matcher = new org.springframework.util.AntPathMatcher();
        return postEndpoints().keySet().stream().filter(p -> matcher.match(p, path))
                .min(java.util.Comparator.comparingInt(p -> p.split("\\{").length)).orElse(null);
    }

    /** What a browser sends for a form as it is shown. */
    static Map<String, List<String>> values(String html) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Matcher inputs = Pattern.compile("<input\\b([^>]*)>").matcher(html);
        while (inputs.find()) {
            Map<String, String> a = attributes(inputs.group(1));
            String name = a.get("name");
            String type = a.getOrDefault("type", "text").toLowerCase(java.util.Locale.ROOT);
            if (name == null || name.equals("_csrf") || type.equals("file") || type.equals("submit")) {
                continue;
            }
            if ((type.equals("checkbox") || type.equals("radio")) && !a.containsKey("checked")) {
                if (type.equals("radio") && !values.containsKey(name)) {
                    values.put(name, new ArrayList<>(List.of(a.getOrDefault("value", "on"))));
                }
                continue;
            }
            if (type.equals("radio")) {
                values.put(name, new ArrayList<>(List.of(a.getOrDefault("value", "on"))));
            } else {
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(a.getOrDefault("value", type.equals("checkbox") ? "on" : ""));
            }
        }
        Matcher areas = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL).matcher(html);
        while (areas.find()) {
            String name = attributes(areas.group(1)).get("name");
            if (name != null) {
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(unescape(areas.group(2)));
            }
        }
        Matcher selects = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL).matcher(html);
        while (selects.find()) {
            String name = attributes(selects.group(1)).get("name");
            if (name == null) {
                continue;
            }
            String chosen = null;
            String first = null;
            Matcher options = Pattern.compile("<option\\b([^>]*)>").matcher(selects.group(2));
            while (options.find()) {
                Map<String, String> a = attributes(options.group(1));
                String value = a.getOrDefault("value", "");
                if (first == null && !value.isEmpty()) {
                    first = value;
                }
                if (a.containsKey("selected") && chosen == null) {
                    chosen = value;
                }
            }
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(chosen != null && !chosen.isEmpty() ? chosen
                    : first != null ? first : "");
        }
        return values;
    }

    static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher a = Pattern.compile("([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?").matcher(tag);
        while (a.find()) {
            String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4) != null ? a.group(4) : "";
            attributes.putIfAbsent(a.group(1).toLowerCase(java.util.Locale.ROOT), unescape(value));
        }
        return attributes;
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** A value that a field of this name would take, for fields the page leaves empty. */
    static String plausible(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.contains("date") || n.endsWith("on") || n.equals("day") || n.equals("from") || n.equals("to") || n.equals("week")) {
            return "2026-12-14";
        }
        if (n.contains("time") || n.equals("at")) {
            return "08:30";
        }
        if (n.endsWith("id") || n.endsWith("ids") || n.equals("team") || n.equals("site") || n.equals("person")
                || n.equals("order") || n.equals("stop") || n.equals("version")) {
            return "1";
        }
        if (n.contains("mail")) {
            return "someone@example.org";
        }
        if (n.contains("amount") || n.contains("value") || n.contains("count") || n.contains("number")) {
            return "12";
        }
        return "Een gewone tekst";
    }

    /** Every POST handler of the product, by its path pattern. */
    private Map<String, HandlerMethod> postEndpoints() {
        Map<String, HandlerMethod> endpoints = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            if (!info.getMethodsCondition().getMethods().contains(RequestMethod.POST)
                    || !entry.getValue().getBeanType().getPackageName().startsWith("nl.meedenken")) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/rfms-simulator")) {
                    endpoints.put(pattern, entry.getValue());
                }
            }
        }
        return endpoints;
    }

    /** The fields a handler reads: its request parameters, the components of its form record, and the fields of its form on the page. */
    static Set<String> fields(HandlerMethod handler, Set<String> fromTemplate) {
        Set<String> fields = new LinkedHashSet<>();
        boolean takesAll = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (MultipartFile.class.isAssignableFrom(type) || parameter.hasParameterAnnotation(PathVariable.class)) {
                continue;
            }
            if (requestParam != null) {
                if (Map.class.isAssignableFrom(type) || MultiValueMap.class.isAssignableFrom(type)) {
                    takesAll = true;
                } else {
                    String name = requestParam.name().isEmpty() ? requestParam.value() : requestParam.name();
                    fields.add(name.isEmpty() ? parameter.getParameterName() : name);
                }
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class) && type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    fields.add(component.getName());
                }
            }
        }
        fields.addAll(fromTemplate);
        if (takesAll && fromTemplate.isEmpty()) {
            fields.addAll(List.of("title", "text", "name", "description", "date", "from", "to", "amount", "id", "teamId",
                    "siteId", "personId", "status", "value"));
        }
        return fields;
    }

    private static List<String> files(HandlerMethod handler) {
        List<String> files = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
                String name = requestParam == null ? "" : requestParam.name().isEmpty() ? requestParam.value() : requestParam.name();
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                files.add(name.isEmpty() ? parameter.getParameterName() : name);
            }
        }
        return files;
    }

    /** Field names of each form in the templates, by the form's path with its variables as {@code {}}. */
    static Map<String, Set<String>> templateFields() throws IOException {
        Pattern form = Pattern.compile("<form\\b(.*?)>(.*?)</form>", Pattern.DOTALL);
        Pattern action = Pattern.compile("(?:th:action=\"|hx-post=)@\\{([^}(\"]*(?:\\{[^}]*}[^}(\"]*)*)");
        Pattern name = Pattern.compile("\\bname=\"([A-Za-z_][A-Za-z0-9_.\\[\\]]*)\"");
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        for (Resource template : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html")) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            Matcher forms = form.matcher(html);
            while (forms.find()) {
                Matcher path = action.matcher(forms.group(1));
                if (!path.find()) {
                    continue;
                }
                Set<String> names = fields.computeIfAbsent(normalised(path.group(1)), p -> new LinkedHashSet<>());
                Matcher names2 = name.matcher(forms.group(2));
                while (names2.find()) {
                    if (!names2.group(1).equals("_csrf")) {
                        names.add(names2.group(1));
                    }
                }
            }
        }
        return fields;
    }

    static String normalised(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    /** A persona that may use the path, by the access rules of SecurityConfiguration. */
    static String personaFor(String path) {
        if (path.startsWith("/admin") || path.startsWith("/driving/admin") || path.startsWith("/setup")) {
            return "admin";
        }
        if (path.matches("/scan/campaigns/[^/]+/batches/[^/]+/(cosign|decline)") || path.equals("/scan/campaigns/cosigning")
                || path.matches("/driving/agreement/[^/]+/consent")) {
            return "council";
        }
        if (path.startsWith("/driver")) {
            return "driver";
        }
        if (path.startsWith("/transport/loading")) {
            return "warehouse";
        }
        if (path.startsWith("/transport") && !path.startsWith("/transport/settings/sites") || path.startsWith("/routing")) {
            return "planner";
        }
        return "manager";
    }

    private static byte[] badFile(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> new byte[0];
            case 1 -> "name;amount;day\n\u0000;1e20;-999999999-01-01\n".getBytes(StandardCharsets.UTF_8);
            case 2 -> ("a,b\n" + "x".repeat(20_000) + ",99999999999999999999\n").getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0};
            default -> {
                byte[] noise = new byte[2048];
                random.nextBytes(noise);
                yield noise;
            }
        };
    }

    private static String shown(Map<String, List<String>> sent) {
        Map<String, List<String>> shown = new LinkedHashMap<>();
        sent.forEach((k, vs) -> shown.put(k, vs.stream().map(v -> v.length() > 20 ? v.substring(0, 8) + "…(" + v.length() + ")" : v).toList()));
        return shown.toString().replace("\u0000", "\\0");
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + ": " + (message.length() > 200 ? message.substring(0, 200) : message);
    }
}
