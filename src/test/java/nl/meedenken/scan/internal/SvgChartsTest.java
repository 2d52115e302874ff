package nl.meedenken.scan.internal;

import nl.meedenken.scan.internal.SvgCharts.Bar;
import nl.meedenken.scan.internal.SvgCharts.Pair;
import nl.meedenken.scan.internal.SvgCharts.Point;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

class SvgChartsTest {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final String HIDDEN = "te weinig antwoorden";

    @Test
    void barsAreWellFormedSvgWithTitleDescAndTheAgreedSize() {
        String svg = SvgCharts.bars("Werkdruk", List.of(new Bar("Planning", 3.4), new Bar("Magazijn", 2.0)),
                1, 5, DUTCH, HIDDEN);
        Element root = parse(svg).getDocumentElement();

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        assertThat(root.getAttribute("width")).isEqualTo("640");
        assertThat(root.getAttribute("height")).isEqualTo("96");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 640 96");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(childElements(root).get(0).getTagName()).isEqualTo("title");
        assertThat(childElements(root).get(1).getTagName()).isEqualTo("desc");
        assertThat(title(root)).isEqualTo("Werkdruk");
        assertThat(desc(root)).isEqualTo("Planning: 3,4; Magazijn: 2,0");
        assertThat(texts(root)).contains("Planning", "Magazijn", "3,4", "2,0");
    }

    @Test
    void aHiddenBarShowsTheHiddenTextAndHasNoBar() {
        String svg = SvgCharts.bars("Werkdruk",
                List.of(new Bar("Planning", 3.4), new Bar("Nachtdienst", null), new Bar("Magazijn", 5.0)),
                1, 5, DUTCH, HIDDEN);
        Element root = parse(svg).getDocumentElement();

        assertThat(elements(root, "rect")).hasSize(2)
                .allSatisfy(rect -> assertThat(rect.getAttribute("fill")).isEqualTo(SvgCharts.PRIMARY));
        Element hidden = elements(root, "text").stream()
                .filter(text -> text.getTextContent().equals(HIDDEN)).findFirst().orElseThrow();
        assertThat(hidden.getAttribute("font-style")).isEqualTo("italic");
        assertThat(hidden.getAttribute("fill")).isEqualTo(SvgCharts.GREY);
        assertThat(desc(root)).contains("Nachtdienst: " + HIDDEN);
    }

    @Test
    void barLengthFollowsTheValueBetweenMinAndMax() {
        Element root = parse(SvgCharts.bars("t", List.of(new Bar("a", 5.0), new Bar("b", 3.0), new Bar("c", 9.0)),
                1, 5, Locale.ENGLISH, HIDDEN)).getDocumentElement();
        List<Double> widths = elements(root, "rect").stream().map(r -> number(r, "width")).toList();

        assertThat(widths.get(1)).isCloseTo(widths.get(0) / 2, offset(0.1));
        assertThat(widths.get(2)).isEqualTo(widths.get(0)); // above max is clamped
    }

    @Test
    void numbersFollowTheLocaleButCoordinatesDoNot() {
        List<Bar> bars = List.of(new Bar("a", 3.4), new Bar("b", 3.449));
        Element dutch = parse(SvgCharts.bars("t", bars, 1, 5, DUTCH, HIDDEN)).getDocumentElement();
        Element english = parse(SvgCharts.bars("t", bars, 1, 5, Locale.ENGLISH, HIDDEN)).getDocumentElement();

        assertThat(texts(dutch)).contains("3,4").doesNotContain("3.4");
        assertThat(texts(english)).contains("3.4").doesNotContain("3,4");
        for (Element element : elements(dutch, "*")) {
            for (String attribute : List.of("x", "y", "width", "height", "x1", "x2", "y1", "y2")) {
                assertThat(element.getAttribute(attribute)).doesNotContain(",");
            }
        }
    }

    @Test
    void specialCharactersAreEscapedEverywhere() {
        String nasty = "R&D <team> \"quoted\" 'single'";
        String svg = SvgCharts.bars(nasty, List.of(new Bar("R&D <team>", 2.0), new Bar("x", null)), 1, 5, DUTCH, nasty);
        Element root = parse(svg).getDocumentElement();

        assertThat(svg).contains("R&amp;D &lt;team&gt; &quot;quoted&quot; &apos;single&apos;").doesNotContain("R&D");
        assertThat(title(root)).isEqualTo(nasty);
        assertThat(desc(root)).isEqualTo("R&D <team>: 2,0; x: " + nasty);
        assertThat(texts(root)).contains("R&D <team>", nasty);

        String gap = SvgCharts.gap(nasty, nasty, nasty, List.of(new Pair(nasty, 2.0, 3.0)), 1, 5, DUTCH, nasty);
        String heatmap = SvgCharts.heatmap(nasty, List.of(nasty), List.of(nasty), new Double[][]{{2.0}}, DUTCH);
        String map = SvgCharts.map(nasty, nasty, nasty, nasty, nasty, List.of(new Point(nasty, 2, 3, true)), DUTCH);
        for (String other : List.of(gap, heatmap, map)) {
            assertThat(title(parse(other).getDocumentElement())).isEqualTo(nasty);
            assertThat(other).doesNotContain("R&D");
        }
    }

    @Test
    void longLabelsAreCutWithAnEllipsisButKeptWholeInTheDescription() {
        String longLabel = "Afdeling binnendienst planning en klantcontact regio Noord-Brabant";
        Element root = parse(SvgCharts.bars("t", List.of(new Bar(longLabel, 4.0)), 1, 5, DUTCH, HIDDEN))
                .getDocumentElement();

        assertThat(texts(root)).anySatisfy(text -> assertThat(text).endsWith("\u2026").startsWith("Afdeling"));
        assertThat(texts(root)).doesNotContain(longLabel);
        assertThat(desc(root)).contains(longLabel);
    }

    @Test
    void gapDrawsTwoDotsALineAndALegendPerRowAndHidesIncompleteRows() {
        String svg = SvgCharts.gap("Verschil", "Leiding", "Medewerkers",
                List.of(new Pair("Veiligheid", 4.2, 3.1), new Pair("Rooster", null, 2.5)), 1, 5, DUTCH, HIDDEN);
        Element root = parse(svg).getDocumentElement();
        List<String> dots = elements(root, "circle").stream().map(c -> c.getAttribute("fill")).toList();

        assertThat(title(root)).isEqualTo("Verschil");
        assertThat(desc(root)).isEqualTo("Veiligheid: Leiding 4,2 / Medewerkers 3,1; Rooster: " + HIDDEN);
        // two legend dots plus two for the complete row only
        assertThat(dots).containsExactly(SvgCharts.PRIMARY, SvgCharts.ACCENT, SvgCharts.PRIMARY, SvgCharts.ACCENT);
        assertThat(elements(root, "line")).anySatisfy(line -> {
            assertThat(line.getAttribute("stroke")).isEqualTo(SvgCharts.LIGHT);
            assertThat(line.getAttribute("stroke-width")).isEqualTo("4");
        });
        assertThat(texts(root)).contains("Leiding", "Medewerkers", "4,2", "3,1", HIDDEN);
    }

    @Test
    void heatmapColoursCellsOnTheScaleAndShowsADashForSuppressedCells() {
        String svg = SvgCharts.heatmap("Teams", List.of("Planning", "Magazijn"), List.of("Werk", "Rust"),
                new Double[][]{{1.0, 3.0}, {5.0, null}}, DUTCH);
        Element root = parse(svg).getDocumentElement();
        List<Element> cells = elements(root, "rect");

        assertThat(cells).extracting(cell -> cell.getAttribute("fill"))
                .containsExactly("#c0392b", "#f0b429", "#2e8b57", SvgCharts.SUPPRESSED);
        Element dash = elements(root, "text").stream()
                .filter(text -> text.getTextContent().equals("\u2013")).findFirst().orElseThrow();
        assertThat(dash.getAttribute("fill")).isEqualTo(SvgCharts.GREY);
        assertThat(textFill(root, "1,0")).isEqualTo("#ffffff");
        assertThat(textFill(root, "3,0")).isEqualTo(SvgCharts.TEXT);
        assertThat(desc(root)).isEqualTo("Planning: Werk 1,0 / Rust 3,0; Magazijn: Werk 5,0 / Rust \u2013");
    }

    @Test
    void heatmapInterpolatesBetweenTheStopsAndRotatesManyColumns() {
        assertThat(SvgCharts.scale(2)).isEqualTo("#d8772a");
        assertThat(SvgCharts.scale(0)).isEqualTo("#c0392b");
        assertThat(SvgCharts.scale(7)).isEqualTo("#2e8b57");

        List<String> columns = List.of("a", "b", "c", "d", "e", "f", "g");
        Double[][] values = {{1.0, 2.0, 3.0, 4.0, 5.0, 2.5, 3.5}};
        Element rotated = parse(SvgCharts.heatmap("t", List.of("r"), columns, values, Locale.ENGLISH)).getDocumentElement();
        Element straight = parse(SvgCharts.heatmap("t", List.of("r"), List.of("a", "b"), new Double[][]{{1.0, 2.0}},
                Locale.ENGLISH)).getDocumentElement();

        assertThat(textWith(rotated, "g").getAttribute("transform")).startsWith("rotate(-40 ");
        assertThat(textWith(straight, "b").getAttribute("transform")).isEmpty();
        assertThatThrownBy(() -> SvgCharts.heatmap("t", List.of("r"), columns, new Double[][]{{1.0}}, DUTCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapIsSquareWithMidlinesAndPoleLabels() {
        String svg = SvgCharts.map("Kaart", "weinig invloed", "veel invloed", "onzeker", "zeker",
                List.of(new Point("Planning", 3.4, 2.1, false), new Point("Jouw team", 4.0, 4.5, true)), DUTCH);
        Element root = parse(svg).getDocumentElement();

        assertThat(root.getAttribute("width")).isEqualTo("480");
        assertThat(root.getAttribute("height")).isEqualTo("480");
        assertThat(texts(root)).contains("weinig invloed", "veel invloed", "onzeker", "zeker", "Planning", "Jouw team");
        assertThat(desc(root)).contains("Planning: x 3,4 / y 2,1", "Jouw team: x 4,0 / y 4,5");
        assertThat(elements(root, "line")).hasSize(2)
                .allSatisfy(line -> assertThat(line.getAttribute("stroke-dasharray")).isNotEmpty());
        Element highlight = elements(root, "circle").stream()
                .filter(c -> c.getAttribute("fill").equals(SvgCharts.ACCENT)).findFirst().orElseThrow();
        Element normal = elements(root, "circle").stream()
                .filter(c -> c.getAttribute("fill").equals(SvgCharts.PRIMARY)).findFirst().orElseThrow();
        assertThat(number(highlight, "r")).isGreaterThan(number(normal, "r"));
        // x = 3 and y = 3 meet in the middle of the plot
        double middle = SvgCharts.MAP_LEFT + SvgCharts.MAP_PLOT / 2.0;
        assertThat(number(elements(root, "line").get(0), "x1")).isEqualTo(middle);
    }

    @Test
    void mapPointsOutsideTheScaleAreClampedInsideThePlotAndLabelsStayOnTheCanvas() {
        List<Point> points = new ArrayList<>();
        points.add(new Point("Ver buiten beeld rechtsboven met een lange naam", 9, 7, false));
        points.add(new Point("Linksonder", -2, 0, true));
        points.add(new Point("Rand", 5, 1, false));
        for (int i = 0; i < 6; i++) {
            points.add(new Point("Druk punt " + i, 4.9, 4.9, false));
        }
        Element root = parse(SvgCharts.map("t", "a", "b", "c", "d", points, DUTCH)).getDocumentElement();
        int left = SvgCharts.MAP_LEFT;
        int right = SvgCharts.MAP_LEFT + SvgCharts.MAP_PLOT;
        int top = SvgCharts.MAP_TOP;
        int bottom = SvgCharts.MAP_TOP + SvgCharts.MAP_PLOT;

        assertThat(elements(root, "circle")).hasSize(points.size()).allSatisfy(circle -> {
            assertThat(number(circle, "cx")).isBetween((double) left, (double) right);
            assertThat(number(circle, "cy")).isBetween((double) top, (double) bottom);
        });
        assertThat(elements(root, "circle")).anySatisfy(circle -> {
            assertThat(number(circle, "cx")).isEqualTo((double) right);
            assertThat(number(circle, "cy")).isEqualTo((double) top);
        });
        assertThat(elements(root, "text")).allSatisfy(text -> {
            assertThat(number(text, "x")).isBetween(0.0, 480.0);
            assertThat(number(text, "y")).isBetween(0.0, 480.0);
        });
        assertThat(desc(parse(SvgCharts.map("t", "a", "b", "c", "d", points, Locale.ENGLISH)).getDocumentElement()))
                .contains("Linksonder: x -2.0 / y 0.0");
        assertThatThrownBy(() -> new Point("x", Double.NaN, 3, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyInputsStillGiveValidSvgAndABadRangeIsRefused() {
        assertThat(title(parse(SvgCharts.bars("leeg", List.of(), 1, 5, DUTCH, HIDDEN)).getDocumentElement())).isEqualTo("leeg");
        assertThat(parse(SvgCharts.gap("leeg", "a", "b", List.of(), 1, 5, DUTCH, HIDDEN))).isNotNull();
        assertThat(parse(SvgCharts.heatmap("leeg", List.of(), List.of(), new Double[0][], DUTCH))).isNotNull();
        assertThat(parse(SvgCharts.map("leeg", "a", "b", "c", "d", List.of(), DUTCH))).isNotNull();
        assertThat(parse(SvgCharts.bars("nul", List.of(new Bar(null, Double.NaN)), 1, 5, DUTCH, null))).isNotNull();
        assertThatThrownBy(() -> SvgCharts.bars("t", List.of(), 5, 1, DUTCH, HIDDEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ----

    private static Document parse(String svg) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            return document;
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    private static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static List<Element> elements(Element root, String name) {
        NodeList nodes = root.getElementsByTagName(name);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    private static String title(Element root) {
        return elements(root, "title").get(0).getTextContent();
    }

    private static String desc(Element root) {
        return elements(root, "desc").get(0).getTextContent();
    }

    private static List<String> texts(Element root) {
        return elements(root, "text").stream().map(Node::getTextContent).toList();
    }

    private static Element textWith(Element root, String content) {
        return elements(root, "text").stream().filter(t -> t.getTextContent().equals(content)).findFirst().orElseThrow();
    }

    private static String textFill(Element root, String content) {
        return textWith(root, content).getAttribute("fill");
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }
}
