package nl.meedenken.browser;

import nl.meedenken.scan.internal.Campaign;
import nl.meedenken.scan.internal.Campaigns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text in every chart (scan results and the report the council reads) lies inside its drawing, in Dutch
 * and in English, on a 1366 px screen and on a 360 px phone: no label or legend is cut off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChartLabelsJourneyTest {

    /** For each svg with a viewBox: every text element whose box sticks out of it, with the text and by how much. */
    private static final String CLIPPED = """
            const out = [];
            for (const svg of document.querySelectorAll('svg[viewBox]')) {
              const vb = svg.viewBox.baseVal;
              if (!vb || vb.width === 0) continue;
              for (const t of svg.querySelectorAll('text')) {
                const raw = t.getBBox();
                if (raw.width === 0) continue;
                // the text's own transform (a rotated axis label) counts: take its box into the drawing's coordinates
                const m = svg.getCTM().inverse().multiply(t.getCTM());
                const xs = [], ys = [];
                for (const [px, py] of [[raw.x, raw.y], [raw.x + raw.width, raw.y], [raw.x, raw.y + raw.height],
                                        [raw.x + raw.width, raw.y + raw.height]]) {
                  const q = new DOMPoint(px, py).matrixTransform(m);
                  xs.push(q.x); ys.push(q.y);
                }
                const b = {x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs),
                           height: Math.max(...ys) - Math.min(...ys)};
                const slack = 0.5;
                if (b.x < vb.x - slack || b.y < vb.y - slack || b.x + b.width > vb.x + vb.width + slack
                    || b.y + b.height > vb.y + vb.height + slack) {
                  out.push((svg.getAttribute('aria-label') || svg.id || 'chart') + ': "' + t.textContent + '" '
                    + Math.round(b.x) + ',' + Math.round(b.y) + ' ' + Math.round(b.width) + 'x' + Math.round(b.height)
                    + ' in ' + vb.width + 'x' + vb.height);
                }
              }
            }
            // charts drawn in the browser: every text inside its chart's box, and no two legend entries on top of each other
            for (const box of document.querySelectorAll('.chart')) {
              const outer = box.getBoundingClientRect();
              if (outer.width === 0) continue;
              const texts = [...box.querySelectorAll('svg text')].filter(t => t.textContent.trim() !== '');
              for (const t of texts) {
                const r = t.getBoundingClientRect();
                if (r.width === 0) continue;
                if (r.left < outer.left - 0.5 || r.right > outer.right + 0.5 || r.top < outer.top - 0.5
                    || r.bottom > outer.bottom + 0.5) {
                  out.push((box.dataset.chart || 'chart') + ': "' + t.textContent + '" sticks out by '
                    + Math.round(Math.max(outer.left - r.left, r.right - outer.right, outer.top - r.top, r.bottom - outer.bottom)) + ' px');
                }
              }
              // two texts overlap when, seen in the first one's own (possibly rotated) frame, their boxes meet
              for (let i = 0; i < texts.length; i++) {
                const a = texts[i].getBBox();
                if (a.width === 0) continue;
                const toA = texts[i].getCTM().inverse();
                for (let j = i + 1; j < texts.length; j++) {
                  const raw = texts[j].getBBox();
                  if (raw.width === 0) continue;
                  const m = toA.multiply(texts[j].getCTM());
                  const xs = [], ys = [];
                  for (const [px, py] of [[raw.x, raw.y], [raw.x + raw.width, raw.y], [raw.x, raw.y + raw.height],
                                          [raw.x + raw.width, raw.y + raw.height]]) {
                    const q = new DOMPoint(px, py).matrixTransform(m);
                    xs.push(q.x); ys.push(q.y);
                  }
                  const w = Math.min(a.x + a.width, Math.max(...xs)) - Math.max(a.x, Math.min(...xs));
                  const h = Math.min(a.y + a.height, Math.max(...ys)) - Math.max(a.y, Math.min(...ys));
                  if (w > 2 && h > 2) {
                    out.push((box.dataset.chart || 'chart') + ': "' + texts[i].textContent + '" overlaps "' + texts[j].textContent + '"');
                  }
                }
              }
            }
            return out;
            """;

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Campaigns campaigns;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void noChartLabelIsCutOffInDutchOrEnglishOnAScreenOrAPhone() {
        if (browser == null) {
            browser = Browser.start(port);
        }
        Browser b = browser;
        long demo = campaigns.all().stream().filter(c -> c.status() == Campaign.Status.CLOSED)
                .filter(c -> c.title().startsWith("Meedenken-scan")).findFirst().orElseThrow().id();
        List<String> clipped = new ArrayList<>();
        int charts = 0;
        for (String login : List.of("manager", "council")) {
            b.signOutEverywhere();
            b.size(Browser.DESKTOP).signIn(login, "demo");
            for (String language : List.of("nl", "en")) {
                b.open("/scan/campaigns/" + demo + "/results");
                b.chooseLanguage(language);
                for (String page : List.of("/scan/campaigns/" + demo + "/results", "/scan/campaigns/" + demo + "/report")) {
                    for (int width : new int[]{1366, Browser.PHONE}) {
                        b.size(width).open(page);
                        charts += b.findAll(By.cssSelector("svg[viewBox] text")).size();
                        for (Object problem : (List<?>) b.script(CLIPPED)) {
                            clipped.add(login + " " + language + " " + width + " " + page + ": " + problem);
                        }
                        if (login.equals("manager") && width == 1366 && page.endsWith("/results")) {
                            b.screenshot("charts-manager-" + language + "-desktop");
                        }
                    }
                }
                if (language.equals("en")) {
                    b.size(Browser.PHONE).open("/scan/campaigns/" + demo + "/results");
                    b.screenshot("charts-" + login + "-en-phone");
                }
            }
            b.chooseLanguage("nl");
        }
        assertThat(charts).as("chart texts measured").isGreaterThan(20);
        assertThat(clipped).as("chart texts outside their drawing").isEmpty();
    }
}
