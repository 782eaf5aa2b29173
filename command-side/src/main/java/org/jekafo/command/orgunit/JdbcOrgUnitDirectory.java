package org.jekafo.command.orgunit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jekafo.api.orgunit.OrgUnitClosedEvent;
import org.jekafo.api.orgunit.OrgUnitCreatedEvent;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.api.orgunit.OrgUnitMovedEvent;
import org.jekafo.api.orgunit.OrgUnitRenamedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.jekafo.command.common.WrittenWithTheEvents;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The tree as the command side needs it, in table {@code org_unit_directory}. Its event handlers belong to a
 * subscribing processor: they run in the transaction that appends the events, so the table never lags.
 */
@Component
@WrittenWithTheEvents
@ProcessingGroup(JdbcOrgUnitDirectory.PROCESSING_GROUP)
class JdbcOrgUnitDirectory implements OrgUnitDirectory {

    static final String PROCESSING_GROUP = "org-unit-directory";

    private static final String COLUMNS = "org_unit_id, code, name, level, parent_id, closed";
    private static final RowMapper<OrgUnitEntry> ROW = (rs, i) -> new OrgUnitEntry(rs.getString(1), rs.getString(2),
            rs.getString(3), OrgUnitLevel.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6));

    private final JdbcTemplate jdbc;

    JdbcOrgUnitDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OrgUnitEntry> find(String orgUnitId) {
        return jdbc.query("select " + COLUMNS + " from org_unit_directory where org_unit_id = ?", ROW, orgUnitId)
                .stream().findFirst();
    }

    @Override
    public Optional<OrgUnitEntry> findByCode(String code) {
        return jdbc.query("select " + COLUMNS + " from org_unit_directory where code = ?", ROW, code)
                .stream().findFirst();
    }

    @Override
    public List<OrgUnitEntry> all() {
        return jdbc.query("select " + COLUMNS + " from org_unit_directory order by code", ROW);
    }

    @Override
    public boolean hasOpenChildren(String orgUnitId) {
        Integer open = jdbc.queryForObject(
                "select count(*) from org_unit_directory where parent_id = ? and closed = false", Integer.class, orgUnitId);
        return open != null && open > 0;
    }

    @Override
    public long currentMemberCount(String orgUnitId) {
        Long count = jdbc.queryForObject("select count(*) from member_directory where local_unit_id = ? "
                + "and status in ('ACTIVE', 'SUSPENDED')", Long.class, orgUnitId);
        return count == null ? 0 : count;
    }

    @EventHandler
    void on(OrgUnitCreatedEvent event) {
        jdbc.update("insert into org_unit_directory (" + COLUMNS + ") values (?, ?, ?, ?, ?, false)",
                event.orgUnitId(), event.code(), event.name(), event.level().name(), event.parentId());
    }

    @EventHandler
    void on(OrgUnitRenamedEvent event) {
        jdbc.update("update org_unit_directory set name = ? where org_unit_id = ?", event.name(), event.orgUnitId());
    }

    @EventHandler
    void on(OrgUnitMovedEvent event) {
        jdbc.update("update org_unit_directory set parent_id = ? where org_unit_id = ?",
                event.newParentId(), event.orgUnitId());
    }

    @EventHandler
    void on(OrgUnitClosedEvent event) {
        jdbc.update("update org_unit_directory set closed = true where org_unit_id = ?", event.orgUnitId());
    }
}
