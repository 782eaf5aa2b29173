package org.jekafo.command.personaldata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.jekafo.api.common.Gender;
import org.jekafo.api.common.PersonalData;
import org.jekafo.api.membership.MemberIdentityCorrectedEvent;
import org.jekafo.api.membership.MemberPhoneChangedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberTradesChangedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
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
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private JdbcPersonalDataKeys keys;
    private PersonalDataSerializer serializer;

    @BeforeEach
    void keyTable() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection,
                    new ClassPathResource("db/migration/h2/V4__personal_data_keys.sql"));
        }
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jackson = JacksonSerializer.builder().objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
                .build();
        keys = new JdbcPersonalDataKeys(jdbc);
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
    void keyIsCreatedOnceAndCachedAfterCommit() {
        store(AWA);
        store(new MemberPhoneChangedEvent(MEMBER, "+22366001122"));

        assertThat(jdbc.queryForObject("select count(*) from personal_data_key where subject_id = ?", Integer.class,
                MEMBER)).isEqualTo(1);
        assertThat(keys.isCached(MEMBER)).isTrue();
    }

    @Test
    void keyOfARolledBackTransactionIsNeitherStoredNorCached() {
        transactions.executeWithoutResult(status -> {
            serializer.serialize(AWA, byte[].class);
            assertThat(keys.isCached(MEMBER)).isFalse();
            status.setRollbackOnly();
        });

        assertThat(keys.isCached(MEMBER)).isFalse();
        assertThat(keys.existingKey(MEMBER)).isEmpty();
    }

    @Test
    void destroyedKeyIsEvictedFromTheCache() {
        store(AWA);

        transactions.executeWithoutResult(status -> keys.destroy(MEMBER));

        assertThat(keys.isCached(MEMBER)).isFalse();
        assertThat(keys.existingKey(MEMBER)).isEmpty();
    }

    @Test
    void keyReadBeforeAnErasureIsNotCachedWhenItsTransactionCommitsAfterTheErasure() {
        store(AWA);
        JdbcPersonalDataKeys keysWithEmptyCache = new JdbcPersonalDataKeys(jdbc);

        transactions.executeWithoutResult(status -> {
            assertThat(keysWithEmptyCache.existingKey(MEMBER)).isPresent();
            Thread eraser = new Thread(() -> transactions.executeWithoutResult(s -> keysWithEmptyCache.destroy(MEMBER)));
            eraser.start();
            try {
                eraser.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(keysWithEmptyCache.isCached(MEMBER)).isFalse();
        assertThat(keysWithEmptyCache.existingKey(MEMBER)).isEmpty();
    }
}
