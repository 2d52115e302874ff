package nl.meedenken.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import java.io.IOException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line for input no form check caught: a value that does not fit its type (a number
 * too large for an id), a day out of range, a text longer than its column, a number too large
 * for its column, a file over the limit. The transaction of the change has been rolled back,
 * so nothing is changed; the browser goes back to the form with what was typed and the reason,
 * next to the field when it can be told which one. A search (GET) gets the "bad request" page,
 * never a server error.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BadInputAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(BadInputAdvice.class);
    /** Integrity refusals that come from a posted value: foreign key, not null, check. A duplicate (23505) is for the module to handle. */
    private static final java.util.Set<String> REFUSED_VALUES = java.util.Set.of("23503", "23502", "23514");
    private static final Pattern QUOTED = Pattern.compile("\"(.*)\"");
    private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");

    private final DataSize uploadLimit;

    BadInputAdvice(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize uploadLimit) {
        this.uploadLimit = uploadLimit;
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, TypeMismatchException.class})
    void typeMismatch(TypeMismatchException e, HttpServletRequest request, HttpServletResponse response,
                      HandlerMethod handler) throws IOException {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        refuse(request, response, handler, field, "input.error.unreadable");
    }

    @ExceptionHandler(BindException.class)
    void binding(BindException e, HttpServletRequest request, HttpServletResponse response, HandlerMethod handler)
            throws IOException {
        String field = e.getFieldError() == null ? null : e.getFieldError().getField();
        refuse(request, response, handler, field, "input.error.unreadable");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    void missing(Exception e, HttpServletRequest request, HttpServletResponse response, HandlerMethod handler)
            throws IOException {
        String field = e instanceof MissingServletRequestParameterException m ? m.getParameterName()
                : ((MissingServletRequestPartException) e).getRequestPartName();
        refuse(request, response, handler, field, "validation.required");
    }

    /** A controller that read a number itself and met something else. */
    @ExceptionHandler(NumberFormatException.class)
    void number(NumberFormatException e, HttpServletRequest request, HttpServletResponse response, HandlerMethod handler)
            throws IOException {
        Matcher quoted = QUOTED.matcher(e.getMessage() == null ? "" : e.getMessage());
        String field = quoted.find() ? fieldWithValue(request, quoted.group(1)) : null;
        refuse(request, response, handler, field, "input.error.unreadable");
    }

    @ExceptionHandler(DateTimeException.class)
    void day(DateTimeException e, HttpServletRequest request, HttpServletResponse response, HandlerMethod handler)
            throws IOException {
        LOG.info("A day or time out of range on {}: {}", request.getRequestURI(), e.getMessage());
        refuse(request, response, handler, null, "input.error.day");
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, MultipartException.class})
    void upload(MultipartException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the parts could not be read, so neither can what was typed next to the file
        FormReturn.redirect(request, response, KeptForm.backTo(request),
                Map.of("refused", "input.error.uploadTooLarge", "refusedArgs", new Object[]{megabytes(uploadLimit)}));
    }

    /**
     * The data exceptions of PostgreSQL (SQLSTATE class 22: a value that does not fit) and the integrity refusals of a
     * posted value (a reference to nothing, a missing value, a failed check). Everything else stays an error.
     */
    @ExceptionHandler(DataAccessException.class)
    void data(DataAccessException e, HttpServletRequest request, HttpServletResponse response, HandlerMethod handler)
            throws Exception {
        Optional<SQLException> sql = sqlException(e);
        String state = sql.map(SQLException::getSQLState).orElse("");
        String message = sql.map(SQLException::getMessage).orElse("");
        message = message == null ? "" : message;
        if (REFUSED_VALUES.contains(state)) {
            // the database refused a posted value: an id of nothing, an empty value it needs, one outside its range
            LOG.warn("The database refused a value on {} {}: {} {}", request.getMethod(), request.getRequestURI(), state,
                    message.lines().findFirst().orElse(""));
            refuse(request, response, handler, null, switch (state) {
                case "23503" -> message.contains("is still referenced") ? "input.error.stillInUse" : "input.error.unknownReference";
                case "23502" -> "input.error.missing";
                default -> "input.error.unstorable";
            });
            return;
        }
        if (!state.startsWith("22")) {
            throw e;
        }
        LOG.info("A value did not fit on {}: {} {}", request.getRequestURI(), state, message.lines().findFirst().orElse(""));
        switch (state) {
            case "22001" -> {
                Matcher varchar = VARCHAR.matcher(message);
                if (varchar.find()) {
                    int max = Integer.parseInt(varchar.group(1));
                    refuse(request, response, handler, longestOver(request, max), "validation.tooLong", max);
                } else {
                    refuse(request, response, handler, null, "input.error.tooLongSomewhere");
                }
            }
            case "22003" -> refuse(request, response, handler, null, "input.error.numberOutOfRange");
            case "22007", "22008" -> refuse(request, response, handler, null, "input.error.day");
            case "22021", "22P05" -> refuse(request, response, handler, null, "input.error.character");
            default -> refuse(request, response, handler, null, "input.error.unstorable");
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HandlerMethod handler, String field,
                        String messageKey, Object... arguments) throws IOException {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (read || (handler != null && isApi(handler))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        FormReturn.back(request, response, KeptForm.of(request, field, messageKey, arguments));
    }

    /** The field that carries this value (as sent, or stripped), if one does. */
    static String fieldWithValue(HttpServletRequest request, String value) {
        for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
            for (String given : entry.getValue()) {
                if (given.equals(value) || given.strip().equals(value)) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }

    /** The field whose value is longer than {@code max}, when there is one; the longest if there are several. */
    static String longestOver(HttpServletRequest request, int max) {
        String field = null;
        int longest = max;
        for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
            for (String value : entry.getValue()) {
                int length = value.replace("\r\n", "\n").strip().length();
                if (length > longest) {
                    longest = length;
                    field = entry.getKey();
                }
            }
        }
        return field;
    }

    private static boolean isApi(HandlerMethod handler) {
        return handler.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                || org.springframework.http.HttpEntity.class.isAssignableFrom(handler.getReturnType().getParameterType());
    }

    private static Optional<SQLException> sqlException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    private static long megabytes(DataSize size) {
        return Math.max(1, size.toMegabytes());
    }
}
