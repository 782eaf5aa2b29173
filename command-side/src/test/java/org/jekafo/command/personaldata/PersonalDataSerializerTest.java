package org.jekafo.command.personaldata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jekafo.api.common.Gender;
import org.jekafo.api.common.PersonalData;
import org.jekafo.api.membership.MemberIdentityCorrectedEvent;
import org.jekafo.api.membership.MemberPhoneChangedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberTradesChangedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event serializer against a real (in-memory H2) key table built by the V4 migration, with Spring's
 * transactions as the application runs them.
 */
class PersonalDataSerializerTest {

    private static final String MEMBER = "m-1";
    private static final MemberRegisteredEvent AWA = new MemberRegisteredEvent(MEMBER, "SG-000042", "Traoré", "Awa",
            Gender.F, 1985, "+22376123456", "ML1234567", List.of("COUTURE"), "ou-sg-03", false,
            LocalDate.of(2024, 3, 1), false);

    private JacksonSerializer jackson;
    private JdbcDataSource dataSource;
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private JdbcPersonalDataKeys keys;
    private PersonalDataSerializer serializer;

    @BeforeEach
    void keyTable() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2", "classpath:db/migration/common")
                .load().migrate();
        this.dataSource = dataSource;
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jackson = JacksonSerializer.builder().objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
                .build();
        keys = new JdbcPersonalDataKeys(jdbc, dataSource);
        serializer = new PersonalDataSerializer(jackson, keys);
    }

    private SerializedObject<byte[]> store(Object event) {
        return transactions.execute(status -> serializer.serialize(event, byte[].class));
    }

    private Object read(SerializedObject<byte[]> stored) {
        return transactions.execute(status -> serializer.deserialize(stored));
    }

    private static String text(SerializedObject<byte[]> stored) {
        return new String(stored.getData(), StandardCharsets.UTF_8);
    }

    @Test
    void personalDataReadsBackAsItWasWritten() {
        assertThat(read(store(AWA))).isEqualTo(AWA);
    }

    @Test
    void storedFormHoldsTheMarkersAndNoneOfTheClearPersonalData() {
        SerializedObject<byte[]> stored = store(AWA);

        assertThat(text(stored)).contains(PersonalDataSerializer.MARKER).doesNotContain("Traor").doesNotContain("Awa")
                .doesNotContain("76123456").doesNotContain("ML1234567").doesNotContain("1985")
                .contains("SG-000042").contains("COUTURE").contains(MEMBER);
        assertThat(stored.getType()).isEqualTo(jackson.typeForClass(MemberRegisteredEvent.class));
    }

    @Test
    void theSameEventIsEncryptedDifferentlyEachTime() {
        assertThat(text(store(AWA))).isNotEqualTo(text(store(AWA)));
    }

    @Test
    void destroyedKeyMakesTextReadErasedAndNumbersNull() {
        SerializedObject<byte[]> registered = store(AWA);
        SerializedObject<byte[]> corrected = store(new MemberIdentityCorrectedEvent(MEMBER, "Traoré", "Awa", Gender.F,
                1986, null, false, "erreur de saisie"));
        transactions.executeWithoutResult(status -> keys.destroy(MEMBER));

        assertThat(read(registered)).isEqualTo(new MemberRegisteredEvent(MEMBER, "SG-000042", PersonalData.ERASED,
                PersonalData.ERASED, Gender.F, null, PersonalData.ERASED, PersonalData.ERASED, List.of("COUTURE"),
                "ou-sg-03", false, LocalDate.of(2024, 3, 1), false));
        assertThat(read(corrected)).isEqualTo(new MemberIdentityCorrectedEvent(MEMBER, PersonalData.ERASED,
                PersonalData.ERASED, Gender.F, null, null, false, PersonalData.ERASED));
    }

    @Test
    void eventOfAnErasedSubjectAsReadIsSerializedAgainWithoutItsKey() {
        SerializedObject<byte[]> registered = store(AWA);
        transactions.executeWithoutResult(status -> keys.destroy(MEMBER));
        Object asRead = read(registered);

        SerializedObject<byte[]> again = store(asRead);

        assertThat(text(again)).doesNotContain(PersonalDataSerializer.MARKER).doesNotContain("Traor");
        assertThat(read(again)).isEqualTo(asRead);
    }

    @Test
    void personalDataForAnErasedSubjectIsStillRefused() {
        store(AWA);
        transactions.executeWithoutResult(status -> keys.destroy(MEMBER));

        assertThatThrownBy(() -> store(new MemberPhoneChangedEvent(MEMBER, "+22366001122")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store(new MemberIdentityCorrectedEvent(MEMBER, PersonalData.ERASED, "Awa", Gender.F,
                null, null, false, PersonalData.ERASED))).as("one real value among erased readings")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void textThatLooksErasedIsEncryptedForASubjectWhoseKeyLives() {
        SerializedObject<byte[]> stored = store(new MemberPhoneChangedEvent(MEMBER, PersonalData.ERASED));

        assertThat(text(stored)).contains(PersonalDataSerializer.MARKER).doesNotContain(PersonalData.ERASED);
        assertThat(read(stored)).isEqualTo(new MemberPhoneChangedEvent(MEMBER, PersonalData.ERASED));
    }

    @Test
    void destroyingOneKeyLeavesOtherSubjectsReadable() {
        SerializedObject<byte[]> other = store(new MemberPhoneChangedEvent("m-2", "+22366001122"));
        store(AWA);

        transactions.executeWithoutResult(status -> keys.destroy(MEMBER));

        assertThat(read(other)).isEqualTo(new MemberPhoneChangedEvent("m-2", "+22366001122"));
    }

    @Test
    void valuesStoredInClearBeforeEncryptionReadAsTheyAre() throws Exception {
        SerializedObject<byte[]> clear = jackson.serialize(AWA, byte[].class);

        assertThat(read(clear)).isEqualTo(AWA);
        assertThat(jdbc.queryForObject("select count(*) from personal_data_key", Integer.class)).isZero();
    }

    @Test
    void eventsWithoutPersonalDataAreStoredAsJacksonStoresThem() {
        MemberTradesChangedEvent changed = new MemberTradesChangedEvent(MEMBER, List.of("COUTURE"));

        assertThat(text(store(changed))).isEqualTo(new String(jackson.serialize(changed, byte[].class).getData(),
                StandardCharsets.UTF_8));
        assertThat(jdbc.queryForObject("select count(*) from personal_data_key", Integer.class)).isZero();
    }

    @Test
    void ciphertextMovedToAnotherSubjectDoesNotDecrypt() {
        String stored = text(store(new MemberPhoneChangedEvent(MEMBER, "+22376123456")));
        store(new MemberPhoneChangedEvent("m-2", "+22366001122"));
        byte[] moved = stored.replace("\"" + MEMBER + "\"", "\"m-2\"").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(new SimpleSerializedObject<>(moved, byte[].class,
                jackson.typeForClass(MemberPhoneChangedEvent.class)))).isInstanceOf(SerializationException.class);
    }

    @Test
    void keyIsCreatedOnce() {
        store(AWA);
        store(new MemberPhoneChangedEvent(MEMBER, "+22366001122"));

        assertThat(jdbc.queryForObject("select count(*) from personal_data_key where subject_id = ?", Integer.class,
                MEMBER)).isEqualTo(1);
    }

    @Test
    void keyIsCommittedBeforeTheTransactionThatStoresTheEventEnds() {
        transactions.executeWithoutResult(status -> {
            serializer.serialize(AWA, byte[].class);
            JdbcTemplate otherConnection = new JdbcTemplate(dataSource);
            assertThat(otherConnection.queryForObject("select count(*) from personal_data_key where subject_id = ?",
                    Integer.class, MEMBER)).isEqualTo(1);
            status.setRollbackOnly();
        });

        assertThat(keys.existingKey(MEMBER)).isPresent();
    }

    @Test
    void erasureIsRecordedAsAnEmptiedRowNotAMissingOne() {
        store(AWA);

        transactions.executeWithoutResult(status -> keys.destroy(MEMBER));

        assertThat(jdbc.queryForObject("select count(*) from personal_data_key where subject_id = ? and secret is null "
                + "and destroyed_at is not null", Integer.class, MEMBER)).isEqualTo(1);
        assertThat(keys.isDestroyed(MEMBER)).isTrue();
        assertThat(keys.existingKey(MEMBER)).isEmpty();
    }

    @Test
    void subjectWithoutAnyKeyRowIsNeverReadAsErased() {
        SerializedObject<byte[]> registered = store(AWA);
        jdbc.update("delete from personal_data_key where subject_id = ?", MEMBER);

        assertThatThrownBy(() -> read(registered)).isInstanceOf(MissingPersonalDataKeyException.class);
        assertThat(keys.isDestroyed(MEMBER)).isFalse();
    }

    @Test
    void erasingASubjectThatNeverHadAKeyRecordsTheErasure() {
        transactions.executeWithoutResult(status -> keys.destroy("m-9"));

        assertThat(keys.isDestroyed("m-9")).isTrue();
        assertThatThrownBy(() -> keys.keyFor("m-9")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyDestroyedByAnotherInstanceIsNotUsedByThisOneAfterwards() {
        SerializedObject<byte[]> registered = store(AWA);
        JdbcPersonalDataKeys otherInstance = new JdbcPersonalDataKeys(new JdbcTemplate(dataSource), dataSource);
        assertThat(read(registered)).isEqualTo(AWA);

        transactions.executeWithoutResult(status -> otherInstance.destroy(MEMBER));

        assertThat(((MemberRegisteredEvent) read(registered)).lastName()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void preparedKeysAreCommittedTogetherAndUsedByTheirEvents() {
        keys.prepare(List.of(MEMBER, "m-2", "m-3"));

        assertThat(jdbc.queryForObject("select count(*) from personal_data_key", Integer.class)).isEqualTo(3);
        assertThat(read(store(AWA))).isEqualTo(AWA);
        assertThat(jdbc.queryForObject("select count(*) from personal_data_key", Integer.class)).isEqualTo(3);
    }
}
