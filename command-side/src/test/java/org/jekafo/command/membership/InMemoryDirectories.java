package org.jekafo.command.membership;

import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.command.orgunit.OrgUnitDirectory;
import org.jekafo.command.orgunit.OrgUnitEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory stand-ins for the command-side look-ups, seeded by the tests. They answer as the JDBC directories
 * do: codes, card numbers and national IDs are looked up as stored, a region's card counter starts at 0 when
 * the region is added, current members are the ACTIVE and SUSPENDED ones, and look-alikes share the
 * {@link NameKey} of their name and birth year in the same local unit.
 */
public final class InMemoryDirectories {

    private record SeededMember(String memberId, String cardNumber, String nationalId, String nameKey,
                                String localUnitId, MemberStatus status) {
    }

    private final Map<String, OrgUnitEntry> units = new LinkedHashMap<>();
    private final Map<String, SeededMember> members = new LinkedHashMap<>();
    private final Map<String, Long> cardCounters = new HashMap<>();
    private final List<String> allocatedCardNumbers = new ArrayList<>();

    private final OrgUnitDirectory orgUnitDirectory = new OrgUnits();
    private final MemberDirectory memberDirectory = new Members();

    public OrgUnitDirectory orgUnits() {
        return orgUnitDirectory;
    }

    public MemberDirectory members() {
        return memberDirectory;
    }

    // ---- seeding units

    public OrgUnitEntry national(String orgUnitId, String code) {
        return unit(orgUnitId, code, "Fédération " + code, OrgUnitLevel.NATIONAL, null);
    }

    public OrgUnitEntry region(String orgUnitId, String code, String parentId) {
        return unit(orgUnitId, code, "Région " + code, OrgUnitLevel.REGIONAL, parentId);
    }

    public OrgUnitEntry local(String orgUnitId, String code, String parentId) {
        return unit(orgUnitId, code, "Unité " + code, OrgUnitLevel.LOCAL, parentId);
    }

    public OrgUnitEntry unit(String orgUnitId, String code, String name, OrgUnitLevel level, String parentId) {
        OrgUnitEntry entry = new OrgUnitEntry(orgUnitId, code, name, level, parentId, false);
        units.put(orgUnitId, entry);
        if (level == OrgUnitLevel.REGIONAL) {
            cardCounters.put(code, 0L);
        }
        return entry;
    }

    public void close(String orgUnitId) {
        OrgUnitEntry u = units.get(orgUnitId);
        units.put(orgUnitId, new OrgUnitEntry(u.orgUnitId(), u.code(), u.name(), u.level(), u.parentId(), true));
    }

    /** The last card number handed out in the region; the next one is {@code last + 1}. */
    public void lastCardNumber(String regionCode, long last) {
        cardCounters.put(regionCode, last);
    }

    // ---- seeding members

    public void member(String memberId, String cardNumber, String nationalId, String lastName, String firstName,
                       int birthYear, String localUnitId, MemberStatus status) {
        members.put(memberId, new SeededMember(memberId, cardNumber, nationalId,
                NameKey.of(lastName, firstName, birthYear), localUnitId, status));
    }

    /** Records a registration as the JDBC directory's event handler does. */
    public void member(MemberRegisteredEvent event) {
        member(event.memberId(), event.cardNumber(), event.nationalId(), event.lastName(), event.firstName(),
                event.birthYear(), event.localUnitId(), MemberStatus.ACTIVE);
    }

    public void memberStatus(String memberId, MemberStatus status) {
        SeededMember m = members.get(memberId);
        members.put(memberId, new SeededMember(m.memberId(), m.cardNumber(), m.nationalId(), m.nameKey(),
                m.localUnitId(), status));
    }

    /** Card numbers handed out by {@link MemberDirectory#allocateCardNumber}, in order. */
    public List<String> allocatedCardNumbers() {
        return List.copyOf(allocatedCardNumbers);
    }

    private final class OrgUnits implements OrgUnitDirectory {

        @Override
        public Optional<OrgUnitEntry> find(String orgUnitId) {
            return Optional.ofNullable(units.get(orgUnitId));
        }

        @Override
        public Optional<OrgUnitEntry> findByCode(String code) {
            return units.values().stream().filter(u -> u.code().equals(code)).findFirst();
        }

        @Override
        public List<OrgUnitEntry> all() {
            return List.copyOf(units.values());
        }

        @Override
        public boolean hasOpenChildren(String orgUnitId) {
            return units.values().stream().anyMatch(u -> orgUnitId.equals(u.parentId()) && !u.closed());
        }

        @Override
        public long currentMemberCount(String orgUnitId) {
            return members.values().stream()
                    .filter(m -> m.localUnitId().equals(orgUnitId))
                    .filter(m -> m.status() == MemberStatus.ACTIVE || m.status() == MemberStatus.SUSPENDED)
                    .count();
        }
    }

    private final class Members implements MemberDirectory {

        @Override
        public Optional<String> memberWithCardNumber(String cardNumber) {
            return members.values().stream().filter(m -> cardNumber.equals(m.cardNumber()))
                    .map(SeededMember::memberId).findFirst();
        }

        @Override
        public Optional<String> memberWithNationalId(String nationalId) {
            return members.values().stream().filter(m -> nationalId.equals(m.nationalId()))
                    .map(SeededMember::memberId).findFirst();
        }

        @Override
        public Optional<String> localUnitOf(String memberId) {
            return Optional.ofNullable(members.get(memberId)).map(SeededMember::localUnitId);
        }

        @Override
        public List<String> possibleDuplicates(String nameKey, String localUnitId) {
            return members.values().stream()
                    .filter(m -> m.nameKey().equals(nameKey) && m.localUnitId().equals(localUnitId))
                    .map(SeededMember::memberId).toList();
        }

        @Override
        public String allocateCardNumber(String regionCode) {
            Long last = cardCounters.get(regionCode);
            if (last == null) {
                throw new IllegalStateException("no card number counter for region " + regionCode);
            }
            cardCounters.put(regionCode, last + 1);
            String card = String.format("%s-%06d", regionCode, last + 1);
            allocatedCardNumbers.add(card);
            return card;
        }
    }
}
