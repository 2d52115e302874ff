package nl.meedenken.scan.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the questionnaire files ({@code classpath:scan/instrument-v*.json}) into the
 * database at start-up, once per version, and hands out the parsed versions.
 */
@Service
@Order(5)
public class Instruments implements ApplicationRunner {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final JdbcClient jdbc;
    private final org.springframework.transaction.support.TransactionTemplate transaction;
    private final Map<Long, Instrument> cache = new ConcurrentHashMap<>();

    Instruments(JdbcClient jdbc, org.springframework.transaction.support.TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** At start-up, through a transaction of its own, so a half-loaded questionnaire never stays behind. */
    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> loadAll());
    }

    @Transactional
    public void loadAll() {
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:scan/instrument-v*.json")) {
                String content = file.getContentAsString(StandardCharsets.UTF_8);
                Instrument instrument = parse(content);
                Long id = jdbc.sql("""
                                insert into scan_instrument (code, version, content) values (:code, :version, :content)
                                on conflict (code, version) do nothing returning id
                                """)
                        .param("code", instrument.code()).param("version", instrument.version())
                        .param("content", content).query(Long.class).optional().orElse(null);
                if (id != null) {
                    int position = 0;
                    for (Instrument.Dimension d : instrument.dimensions()) {
                        for (Instrument.Item item : d.items()) {
                            jdbc.sql("""
                                            insert into scan_item (instrument_id, code, dimension, position, reverse)
                                            values (:id, :code, :dimension, :position, :reverse)
                                            """)
                                    .param("id", id).param("code", item.code()).param("dimension", d.code())
                                    .param("position", position++).param("reverse", item.reverse()).update();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the scan questionnaire", e);
        }
    }

    static Instrument parse(String content) {
        return JSON.readValue(content, Instrument.class);
    }

    /** The newest version of the questionnaire. */
    @Transactional(readOnly = true)
    public long latestId() {
        return jdbc.sql("select id from scan_instrument order by version desc, id desc limit 1")
                .query(Long.class).single();
    }

    public Instrument get(long id) {
        return cache.computeIfAbsent(id, key -> parse(jdbc.sql("select content from scan_instrument where id = :id")
                .param("id", key).query(String.class).single()));
    }
}
