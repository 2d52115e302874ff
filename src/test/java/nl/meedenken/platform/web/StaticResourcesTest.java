package nl.meedenken.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Styles, scripts, images, app icons and webjars are served from their own prefixes, to anyone. */
@SpringBootTest
@AutoConfigureMockMvc
class StaticResourcesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void stylesScriptsImagesAndVersionlessWebjarsAreServed() throws Exception {
        mvc.perform(get("/css/meedenken.css")).andExpect(status().isOk())
                .andExpect(content().string(containsString(".board")))
                .andExpect(header().string("Cache-Control", containsString("max-age=3600")));
        mvc.perform(get("/js/meedenken.js")).andExpect(status().isOk());
        mvc.perform(get("/img/favicon.svg")).andExpect(status().isOk());
        mvc.perform(get("/icons/icon-192.png")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=3600")));
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("htmx")));
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
    }
}
