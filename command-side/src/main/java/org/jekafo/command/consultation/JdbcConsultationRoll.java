package org.jekafo.command.consultation;

import org.jekafo.api.common.Gender;
import org.jekafo.api.consultation.Eligibility;
import org.jekafo.api.consultation.VoterGroup;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.command.orgunit.OrgUnitDirectory;
import org.jekafo.command.orgunit.OrgUnitEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The roll in table {@code consultation_roll}, filled from {@code member_directory} in the opening's transaction. */
@Component
class JdbcConsultationRoll implements ConsultationRoll {

    private final JdbcTemplate jdbc;
    private final OrgUnitDirectory units;

    JdbcConsultationRoll(JdbcTemplate jdbc, OrgUnitDirectory units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    @Override
    public GroupCounts.Counted freeze(String consultationId, Eligibility eligibility, LocalDate today) {
        Set<String> localUnits = localUnitsUnder(eligibility.orgUnitId());
        if (localUnits.isEmpty()) {
            return GroupCounts.count(List.of());
        }
        StringBuilder sql = new StringBuilder("insert into consultation_roll (consultation_id, member_id, voted) "
                + "select ?, member_id, false from member_directory where local_unit_id in (");
        List<Object> arguments = new ArrayList<>();
        arguments.add(consultationId);
        sql.append(String.join(", ", localUnits.stream().map(u -> "?").toList())).append(')');
        arguments.addAll(localUnits);
        sql.append(" and status in (").append(String.join(", ", eligibility.statusesOrDefault().stream()
                .map(s -> "?").toList())).append(')');
        eligibility.statusesOrDefault().forEach(status -> arguments.add(status.name()));
        if (eligibility.gender() != null) {
            sql.append(" and gender = ?");
            arguments.add(eligibility.gender().name());
        }
        if (eligibility.trade() != null) {
            sql.append(" and trades like ?");
            arguments.add("%," + eligibility.trade() + ",%");
        }
        if (eligibility.enrolledBefore() != null) {
            sql.append(" and enrolled_on < ?");
            arguments.add(Date.valueOf(eligibility.enrolledBefore()));
        }
        jdbc.update(sql.toString(), arguments.toArray());
        return GroupCounts.count(jdbc.query("select d.gender, d.disability, d.local_unit_id, d.trades, d.birth_year "
                        + "from consultation_roll r join member_directory d on d.member_id = r.member_id "
                        + "where r.consultation_id = ?", (rs, i) -> group(rs.getString(1), (Boolean) rs.getObject(2),
                        rs.getString(3), rs.getString(4), (Integer) rs.getObject(5), today.getYear()),
                consultationId));
    }

    @Override
    public boolean markVoted(String consultationId, String memberId) {
        return jdbc.update("update consultation_roll set voted = true where consultation_id = ? and member_id = ? "
                + "and voted = false", consultationId, memberId) == 1;
    }

    @Override
    public Optional<Boolean> voted(String consultationId, String memberId) {
        return jdbc.queryForList("select voted from consultation_roll where consultation_id = ? and member_id = ?",
                Boolean.class, consultationId, memberId).stream().findFirst();
    }

    @Override
    public Map<String, Boolean> rollsOf(String memberId) {
        Map<String, Boolean> rolls = new java.util.LinkedHashMap<>();
        jdbc.query("select r.consultation_id, r.voted from consultation_roll r join consultation_directory c "
                + "on c.consultation_id = r.consultation_id where r.member_id = ? order by c.closes_at desc "
                + "fetch first 100 rows only", rs -> {
            rolls.put(rs.getString(1), rs.getBoolean(2));
        }, memberId);
        return rolls;
    }

    @Override
    public VoterGroup voterGroupNow(String memberId, LocalDate today) {
        return jdbc.query("select gender, disability, local_unit_id, trades, birth_year from member_directory "
                        + "where member_id = ?", (rs, i) -> group(rs.getString(1), (Boolean) rs.getObject(2),
                        rs.getString(3), rs.getString(4), (Integer) rs.getObject(5), today.getYear()), memberId)
                .stream().findFirst().orElse(new VoterGroup(null, null, null, null, null, null));
    }

    private VoterGroup group(String gender, Boolean disability, String localUnitId, String trades, Integer birthYear,
                             int year) {
        String region = units.find(localUnitId).map(OrgUnitEntry::parentId).orElse(null);
        String mainTrade = trades == null ? null : trades.substring(1).split(",")[0];
        return new VoterGroup(gender == null ? null : Gender.valueOf(gender), disability, region, localUnitId,
                mainTrade == null || mainTrade.isEmpty() ? null : mainTrade, VoterGroup.ageBand(birthYear, year));
    }

    private Set<String> localUnitsUnder(String rootId) {
        List<OrgUnitEntry> all = units.all();
        Map<String, String> parents = new HashMap<>();
        all.forEach(unit -> parents.put(unit.orgUnitId(), unit.parentId()));
        return all.stream().filter(unit -> unit.level() == OrgUnitLevel.LOCAL)
                .filter(unit -> under(unit.orgUnitId(), rootId, parents))
                .map(OrgUnitEntry::orgUnitId).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static boolean under(String unitId, String rootId, Map<String, String> parents) {
        for (String current = unitId; current != null; current = parents.get(current)) {
            if (current.equals(rootId)) {
                return true;
            }
        }
        return false;
    }
}
