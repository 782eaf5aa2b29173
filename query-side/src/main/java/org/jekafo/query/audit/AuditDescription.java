package org.jekafo.query.audit;

import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.PersonalData;
import org.jekafo.api.common.RecordField;
import org.jekafo.api.common.StableNames;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the audit trail says of one event, from its stable name and its payload alone, for any event type present or
 * future: a French summary naming the fields the event set — with their values only when they cannot be personal
 * data — the units it names, and the members it is about.
 *
 * <p>A value is shown when its component is neither {@link PersonalData} nor {@link DataSubject}, and is an enum
 * value, a number, a boolean, a date or an instant, or a text (or list of texts) under an identifier-like name
 * (ending in {@code Id}, {@code Ids}, {@code Code}, {@code Number}; {@code code}, {@code status}, {@code level},
 * {@code mode}, {@code role}, {@code channel}, {@code trades}, {@code tags}). Free texts (a reason, a title, a
 * file name), nested records (a ballot's answers, a plan) and personal data are named, never shown: nothing a person
 * typed about a person reaches the audit index, and what erasure destroys was never copied there.
 *
 * <p>Units: a component whose stored name is {@code orgUnitId}, {@code unitId}, {@code parentId} or ends in
 * {@code UnitId} or {@code ParentId} names a unit; {@link RecordField} tells which field of the aggregate's record it
 * sets (a transfer's {@code toLocalUnitId} sets {@code localUnitId}).
 */
final class AuditDescription {

    private static final Pattern SHOWN_TEXT = Pattern.compile(
            ".*(Id|Ids|Code|Codes|Number)|code|status|level|mode|role|channel|trades|tags");
    private static final Pattern UNIT = Pattern.compile("orgUnitId|unitId|parentId|.*UnitId|.*ParentId");
    private static final int MAX_VALUE = 80;

    /** French wording of the events known today; a future event reads as its stable name, split into words. */
    private static final Map<String, String> EVENTS = Map.ofEntries(
            Map.entry("MemberRegisteredEvent", "Membre inscrit"),
            Map.entry("MemberIdentityCorrectedEvent", "Identité d'un membre corrigée"),
            Map.entry("MemberPhoneChangedEvent", "Téléphone d'un membre changé"),
            Map.entry("MemberTradesChangedEvent", "Métiers d'un membre changés"),
            Map.entry("MemberTransferredEvent", "Membre transféré"),
            Map.entry("MemberSuspendedEvent", "Membre suspendu"),
            Map.entry("MemberReinstatedEvent", "Membre réintégré"),
            Map.entry("MemberResignedEvent", "Démission d'un membre enregistrée"),
            Map.entry("MemberDeathRecordedEvent", "Décès d'un membre enregistré"),
            Map.entry("DuesPaymentRecordedEvent", "Cotisation enregistrée"),
            Map.entry("MemberPersonalDataErasedEvent", "Données personnelles d'un membre effacées"),
            Map.entry("OrgUnitCreatedEvent", "Unité créée"),
            Map.entry("OrgUnitRenamedEvent", "Unité renommée"),
            Map.entry("OrgUnitMovedEvent", "Unité déplacée"),
            Map.entry("OrgUnitClosedEvent", "Unité fermée"),
            Map.entry("ConsultationDraftedEvent", "Consultation rédigée"),
            Map.entry("ConsultationDraftEditedEvent", "Brouillon de consultation modifié"),
            Map.entry("ConsultationScheduledEvent", "Consultation programmée"),
            Map.entry("ConsultationOpenedEvent", "Consultation ouverte"),
            Map.entry("ConsultationExtendedEvent", "Consultation prolongée"),
            Map.entry("ConsultationClosedEvent", "Consultation close"),
            Map.entry("ConsultationCancelledEvent", "Consultation annulée"),
            Map.entry("ConsultationTalliedEvent", "Consultation dépouillée"),
            Map.entry("RecommendationTaggedEvent", "Recommandation étiquetée"),
            Map.entry("BallotCastEvent", "Vote à bulletin ouvert"),
            Map.entry("ParticipationRecordedEvent", "Participation à une consultation à bulletin secret"),
            Map.entry("CensusImportStartedEvent", "Import de recensement commencé"),
            Map.entry("CensusImportCompletedEvent", "Import de recensement terminé"),
            Map.entry("CensusImportFailedEvent", "Import de recensement échoué"));

    /** French names of the fields known today; a future field reads under its stored name. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("cardNumber", "numéro de carte"), Map.entry("lastName", "nom"),
            Map.entry("firstName", "prénom"), Map.entry("gender", "genre"),
            Map.entry("birthYear", "année de naissance"), Map.entry("phone", "téléphone"),
            Map.entry("nationalId", "identité nationale"), Map.entry("trades", "métiers"),
            Map.entry("localUnitId", "unité locale"), Map.entry("fromLocalUnitId", "unité de départ"),
            Map.entry("toLocalUnitId", "unité d'arrivée"), Map.entry("disability", "handicap"),
            Map.entry("enrolledOn", "date d'adhésion"), Map.entry("status", "statut"),
            Map.entry("reason", "motif"), Map.entry("orgUnitId", "unité"), Map.entry("parentId", "unité parente"),
            Map.entry("previousParentId", "ancienne unité parente"), Map.entry("newParentId", "nouvelle unité parente"),
            Map.entry("name", "nom"), Map.entry("code", "code"), Map.entry("level", "niveau"),
            Map.entry("plan", "plan"), Map.entry("consultationId", "consultation"), Map.entry("memberId", "membre"),
            Map.entry("channel", "canal"), Map.entry("assistedBy", "assisté par"), Map.entry("answers", "réponses"),
            Map.entry("amount", "montant"), Map.entry("closesAt", "clôture"), Map.entry("fileName", "nom du fichier"),
            Map.entry("importId", "import"), Map.entry("tags", "étiquettes"));

    /** The summary, the fields set (stored names), the units named by field, and the members the event is about. */
    record Described(String summary, List<String> changedFields, Map<String, List<String>> unitsByField,
                     List<String> dataSubjects) {

        /** Every unit the event names, whatever the field. */
        List<String> namedUnits() {
            return unitsByField.values().stream().flatMap(List::stream).distinct().toList();
        }
    }

    private AuditDescription() {
    }

    static Described of(String eventName, String aggregateId, Object payload) {
        return of(eventName, aggregateId, payload, null);
    }

    /**
     * The description of a payload whose personal fields were emptied ({@link StoredPayloads}): {@code personalFieldsSet}
     * says which of them held a value (null: the payload holds them as they are).
     */
    static Described of(String eventName, String aggregateId, Object payload, Set<String> personalFieldsSet) {
        List<String> parts = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<String, List<String>> units = new LinkedHashMap<>();
        List<String> subjects = new ArrayList<>();
        List<Component> components = payload == null ? List.of() : COMPONENTS.get(payload.getClass());
        for (int i = 0; i < components.size(); i++) {
            Component component = components.get(i);
            Object value = personalFieldsSet != null && component.personal()
                    ? (personalFieldsSet.contains(component.field()) ? component.field() : null)
                    : component.valueOf(payload);
            if (value != null && component.subject()) {
                subjects.add(String.valueOf(value));
            }
            if (value != null && component.unitField() != null) {
                units.computeIfAbsent(component.unitField(), k -> new ArrayList<>()).addAll(texts(value));
            }
            if (value == null || (i == 0 && String.valueOf(value).equals(aggregateId))) {
                continue;
            }
            changed.add(component.field());
            String shown = shown(component, value);
            parts.add(shown == null ? component.label() : component.label() + " = " + shown);
        }
        String summary = label(eventName) + (parts.isEmpty() ? "." : " : " + String.join(", ", parts) + ".");
        return new Described(summary, List.copyOf(changed), units, List.copyOf(subjects));
    }

    /** The French wording of an event: known, or its stable name split into words. */
    static String label(String eventName) {
        String known = EVENTS.get(eventName);
        if (known != null) {
            return known;
        }
        String bare = eventName.endsWith("Event") ? eventName.substring(0, eventName.length() - 5) : eventName;
        return bare.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    }

    /** The value as the summary shows it, or null when it must not be shown. */
    private static String shown(Component component, Object value) {
        if (component.hidden()) {
            return null;
        }
        if (value instanceof Enum<?> || value instanceof Number || value instanceof Boolean
                || value instanceof Temporal) {
            return bounded(String.valueOf(value));
        }
        if (component.shownText() && (value instanceof CharSequence || value instanceof Collection<?> all
                && all.stream().allMatch(e -> e instanceof CharSequence || e instanceof Enum<?>))) {
            return bounded(String.join(" ", texts(value)));
        }
        return null;
    }

    private static List<String> texts(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().filter(v -> v != null).map(String::valueOf).collect(Collectors.toList());
        }
        return List.of(String.valueOf(value));
    }

    private static String bounded(String text) {
        return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE) + "…";
    }

    /**
     * What the description needs of one record component, worked out once per event type: reading a type's components,
     * their annotations and stored names for every event was a measured share of a rebuild's time.
     *
     * @param field     the stored name
     * @param label     its French name, else the stored name
     * @param subject   whether it names the member the event is about ({@link DataSubject})
     * @param unitField the aggregate field it sets when it names a unit ({@link RecordField}, else its own name);
     *                  null when it names none
     * @param personal  whether it is {@link PersonalData}
     * @param hidden    whether its value is never shown ({@link PersonalData} or {@link DataSubject})
     * @param shownText whether a text under its name is shown (an identifier-like name)
     * @param text      whether it holds a text
     */
    private record Component(Method accessor, String field, String label, boolean subject, String unitField,
                             boolean personal, boolean hidden, boolean shownText, boolean text) {

        static Component of(RecordComponent component) {
            Method accessor = component.getAccessor();
            accessor.trySetAccessible();
            String field = StableNames.fieldName(component);
            boolean personal = component.isAnnotationPresent(PersonalData.class);
            boolean subject = component.isAnnotationPresent(DataSubject.class);
            RecordField declared = component.getAnnotation(RecordField.class);
            String unitField = UNIT.matcher(field).matches() && !personal
                    ? (declared == null ? field : declared.value()) : null;
            return new Component(accessor, field, FIELDS.getOrDefault(field, field), subject, unitField, personal,
                    personal || subject, SHOWN_TEXT.matcher(field).matches(), accessor.getReturnType() == String.class);
        }

        Object valueOf(Object payload) {
            try {
                return accessor.invoke(payload);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + field + " of " + payload.getClass().getName(), e);
            }
        }
    }

    /** A personal-data field of an event type: its stored name, and whether it holds a text. */
    record Personal(String name, boolean text) {
    }

    /** The {@link PersonalData} fields of an event type, in declaration order. */
    static List<Personal> personalFields(Class<?> type) {
        return PERSONAL.get(type);
    }

    private static final ClassValue<List<Personal>> PERSONAL = new ClassValue<>() {
        @Override
        protected List<Personal> computeValue(Class<?> type) {
            return COMPONENTS.get(type).stream().filter(Component::personal)
                    .map(component -> new Personal(component.field(), component.text())).toList();
        }
    };

    /** The components of each record type, in declaration order; none for a type that is not a record. */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components == null ? List.of() : Arrays.stream(components).map(Component::of).toList();
        }
    };
}
