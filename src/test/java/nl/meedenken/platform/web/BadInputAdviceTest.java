package nl.meedenken.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What PostgreSQL refuses as a value (SQLSTATE class 22) goes back to the form; other database errors stay errors. */
class BadInputAdviceTest {

    private final BadInputAdvice advice = new BadInputAdvice(DataSize.ofMegabytes(20));

    private static HandlerMethod page() throws NoSuchMethodException {
        return new HandlerMethod(new Object(), Object.class.getMethod("toString"));
    }

    private static MockHttpServletRequest posted() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ideas");
        request.addHeader("Referer", "http://localhost/ideas/new");
        request.addParameter("title", "Kort");
        request.addParameter("problem", "p".repeat(250));
        return request;
    }

    @SuppressWarnings("unchecked")
    private static KeptForm kept(MockHttpServletRequest request) {
        List<FlashMap> maps = (List<FlashMap>) request.getSession().getAttribute(SessionFlashMapManager.class.getName() + ".FLASH_MAPS");
        return (KeptForm) maps.get(0).get(KeptForm.ATTRIBUTE);
    }

    @Test
    void aTextLongerThanItsColumnGoesBackWithTheMaximumAtTheLongestField() throws Exception {
        MockHttpServletRequest request = posted();
        MockHttpServletResponse response = new MockHttpServletResponse();

        advice.data(new DataIntegrityViolationException("insert", new SQLException(
                "ERROR: value too long for type character varying(200)", "22001")), request, response, page());

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getHeader("Location")).isEqualTo("/ideas/new");
        assertThat(kept(request).field()).isEqualTo("problem");
        assertThat(kept(request).messageKey()).isEqualTo("validation.tooLong");
        assertThat(kept(request).arguments()).containsExactly("200");
    }

    @Test
    void everyDataExceptionAndRefusedReferenceGoesBackAndOtherErrorsStayErrors() throws Exception {
        for (String state : List.of("22001", "22003", "22007", "22008", "22021", "22P05", "22P02", "22012")) {
            MockHttpServletRequest request = posted();
            MockHttpServletResponse response = new MockHttpServletResponse();
            advice.data(new DataIntegrityViolationException("x", new SQLException("ERROR", state)), request, response, page());
            assertThat(response.getStatus()).as(state).isEqualTo(303);
            assertThat(kept(request).messageKey()).as(state).startsWith(state.equals("22001") ? "input.error.tooLongSomewhere" : "input.error");
        }
        for (String state : List.of("23503", "23502", "23514")) {
            MockHttpServletRequest request = posted();
            MockHttpServletResponse response = new MockHttpServletResponse();
            advice.data(new DataIntegrityViolationException("x", new SQLException(
                    "ERROR: insert or update on table \"t\" violates foreign key constraint", state)), request, response, page());
            assertThat(response.getStatus()).as(state).isEqualTo(303);
        }
        DuplicateKeyException duplicate = new DuplicateKeyException("x", new SQLException("ERROR: duplicate key", "23505"));
        assertThatThrownBy(() -> advice.data(duplicate, posted(), new MockHttpServletResponse(), page())).isSameAs(duplicate);
    }

    @Test
    void aSearchThatCannotBeAnsweredIsABadRequestNotAServerError() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ideas");
        MockHttpServletResponse response = new MockHttpServletResponse();

        advice.data(new DataIntegrityViolationException("x", new SQLException("ERROR", "22003")), request, response, page());

        assertThat(response.getStatus()).isEqualTo(400);
    }
}
