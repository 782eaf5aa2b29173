package org.jekafo.command.consultation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jekafo.api.consultation.ConsultationCancelledEvent;
import org.jekafo.api.consultation.ConsultationClosedEvent;
import org.jekafo.api.consultation.ConsultationDraftEditedEvent;
import org.jekafo.api.consultation.ConsultationDraftedEvent;
import org.jekafo.api.consultation.ConsultationExtendedEvent;
import org.jekafo.api.consultation.ConsultationOpenedEvent;
import org.jekafo.api.consultation.ConsultationPlan;
import org.jekafo.api.consultation.ConsultationScheduledEvent;
import org.jekafo.api.consultation.ConsultationStatus;
import org.jekafo.api.consultation.ConsultationTalliedEvent;
import org.jekafo.command.common.WrittenWithTheEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consultations as the command side needs them, in table {@code consultation_directory}, written in the transaction
 * that appends their events (a subscribing processor): a ballot never sees a consultation older than the last
 * committed change.
 */
@Component
@WrittenWithTheEvents
@ProcessingGroup(JdbcConsultationDirectory.PROCESSING_GROUP)
class JdbcConsultationDirectory implements ConsultationDirectory {

    static final String PROCESSING_GROUP = "consultation-directory";

    /** Most consultations a busy federation has open at once, far above what it has. */
    private static final int PLANS_KEPT = 64;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    /**
     * Plans as parsed, by their stored text: every ballot reads its consultation's plan, and parsing the same text
     * again for each of a national consultation's ballots was two thirds of the ballot box's own CPU (JFR). Keyed by
     * the text itself, an edited plan is parsed anew; the row (status, closing time, key) is still read each time.
     * A plan is a record of records and lists that nothing changes once read.
     */
    private final Map<String, ConsultationPlan> parsed = new ConcurrentHashMap<>();

    JdbcConsultationDirectory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json.copy().findAndRegisterModules();
    }

    @Override
    public Optional<ConsultationEntry> find(String consultationId) {
        return jdbc.query("select consultation_id, org_unit_id, status, plan, closes_at, public_key "
                        + "from consultation_directory where consultation_id = ?",
                (rs, i) -> new ConsultationEntry(rs.getString(1), rs.getString(2),
                        ConsultationStatus.valueOf(rs.getString(3)), plan(rs.getString(4)),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)), consultationId).stream().findFirst();
    }

    @EventHandler
    void on(ConsultationDraftedEvent event) {
        jdbc.update("insert into consultation_directory (consultation_id, org_unit_id, status, closes_at, plan) "
                        + "values (?, ?, ?, ?, ?)", event.consultationId(), event.orgUnitId(),
                ConsultationStatus.DRAFT.name(), Timestamp.from(event.plan().closesAt()), text(event.plan()));
    }

    @EventHandler
    void on(ConsultationDraftEditedEvent event) {
        jdbc.update("update consultation_directory set plan = ?, closes_at = ? where consultation_id = ?",
                text(event.plan()), Timestamp.from(event.plan().closesAt()), event.consultationId());
    }

    @EventHandler
    void on(ConsultationScheduledEvent event) {
        status(event.consultationId(), ConsultationStatus.SCHEDULED);
    }

    @EventHandler
    void on(ConsultationOpenedEvent event) {
        jdbc.update("update consultation_directory set status = ?, public_key = ? where consultation_id = ?",
                ConsultationStatus.OPEN.name(), event.publicKey(), event.consultationId());
    }

    @EventHandler
    void on(ConsultationExtendedEvent event) {
        jdbc.update("update consultation_directory set closes_at = ? where consultation_id = ?",
                Timestamp.from(event.closesAt()), event.consultationId());
    }

    @EventHandler
    void on(ConsultationClosedEvent event) {
        status(event.consultationId(), ConsultationStatus.CLOSED);
    }

    @EventHandler
    void on(ConsultationCancelledEvent event) {
        status(event.consultationId(), ConsultationStatus.CANCELLED);
    }

    @EventHandler
    void on(ConsultationTalliedEvent event) {
        status(event.consultationId(), ConsultationStatus.TALLIED);
    }

    private void status(String consultationId, ConsultationStatus status) {
        jdbc.update("update consultation_directory set status = ? where consultation_id = ?", status.name(),
                consultationId);
    }

    private String text(ConsultationPlan plan) {
        try {
            return json.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ConsultationPlan plan(String text) {
        ConsultationPlan plan = parsed.get(text);
        if (plan != null) {
            return plan;
        }
        try {
            plan = json.readValue(text, ConsultationPlan.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (parsed.size() >= PLANS_KEPT) {
            parsed.clear();
        }
        parsed.put(text, plan);
        return plan;
    }

}
