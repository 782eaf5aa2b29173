package org.jekafo.command.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.PersonalData;
import org.jekafo.api.common.StableNames;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The event serializer: Jackson, except that the {@link PersonalData} components of a record are stored
 * encrypted with the key of its {@link DataSubject} (crypto-shredding). Each such field becomes the text
 * {@code jekafo:enc:v1:} + Base64(IV ‖ AES-256-GCM ciphertext of the field's JSON), authenticated with the
 * subject id; fields are named as stored ({@code @JsonProperty}); the serialized type stays the event's class (the
 * {@code eventstore.StableNameSerializer} around it stores the stable name) and metadata is untouched. When the subject's key
 * has been destroyed, text fields read {@link PersonalData#ERASED} and other fields {@code null}. Values
 * without the marker (events stored before encryption) are read as they are.
 */
public class PersonalDataSerializer implements Serializer {

    static final String MARKER = "jekafo:enc:v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** One cipher per thread: looking the transformation up for every field was a measured cost (JFR); init resets it. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available in this JVM", e);
        }
    });

    private final JacksonSerializer jackson;
    private final ObjectMapper mapper;
    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();
    private final ClassValue<Optional<PersonalFields>> fieldsByType = new ClassValue<>() {
        @Override
        protected Optional<PersonalFields> computeValue(Class<?> type) {
            return PersonalFields.of(type);
        }
    };

    public PersonalDataSerializer(JacksonSerializer jackson, PersonalDataKeys keys) {
        this.jackson = jackson;
        this.mapper = jackson.getObjectMapper();
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        Optional<PersonalFields> personal = object == null ? Optional.empty() : fieldsByType.get(object.getClass());
        if (personal.isEmpty()) {
            return jackson.serialize(object, expectedRepresentation);
        }
        PersonalFields fields = personal.get();
        try {
            ObjectNode tree = mapper.valueToTree(object);
            String subject = subjectOf(tree, fields);
            SecretKey key = null;
            for (int i = 0; i < fields.names().size(); i++) {
                String field = fields.names().get(i);
                JsonNode value = tree.get(field);
                if (value == null || value.isNull()
                        || fields.textual().get(i) && isErasedReading(value) && keys.isDestroyed(subject)) {
                    continue;
                }
                key = key == null ? keys.keyFor(subject) : key;
                tree.put(field, encrypt(key, subject, mapper.writeValueAsBytes(value)));
            }
            T data = jackson.getConverter().convert(mapper.writeValueAsBytes(tree), expectedRepresentation);
            return new SimpleSerializedObject<>(data, expectedRepresentation, typeForClass(object.getClass()));
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot serialize " + object.getClass().getName(), e);
        }
    }

    /**
     * The text a field of an erased subject reads as. Such an event is serialized again as it was read, with no
     * key: a dead letter's copy of an event parked after the erasure (Axon Server's events carry a serializer of
     * their own, so the dead-letter queue serializes the payload again instead of copying the stored bytes). Any
     * other value for an erased subject is still refused by {@link PersonalDataKeys#keyFor}.
     */
    private static boolean isErasedReading(JsonNode value) {
        return value.isTextual() && PersonalData.ERASED.equals(value.asText());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        Optional<PersonalFields> personal = fieldsByType.get(type);
        if (personal.isEmpty()) {
            return jackson.deserialize(serializedObject);
        }
        PersonalFields fields = personal.get();
        try {
            JsonNode node = jackson.getConverter().convert(serializedObject, JsonNode.class).getData();
            ObjectNode tree = (ObjectNode) node.deepCopy();
            String subject = subjectOf(tree, fields);
            Optional<SecretKey> key = null;
            for (int i = 0; i < fields.names().size(); i++) {
                String field = fields.names().get(i);
                JsonNode value = tree.get(field);
                if (value == null || !value.isTextual() || !value.asText().startsWith(MARKER)) {
                    continue;
                }
                key = key == null ? keys.existingKey(subject) : key;
                if (key.isPresent()) {
                    tree.set(field, mapper.readTree(decrypt(key.get(), subject, value.asText())));
                } else {
                    tree.set(field, fields.textual().get(i) ? TextNode.valueOf(PersonalData.ERASED) : NullNode.getInstance());
                }
            }
            return (T) mapper.treeToValue(tree, type);
        } catch (java.io.IOException e) {
            throw new SerializationException("cannot deserialize " + type.getName(), e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return jackson.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return jackson.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return jackson.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return jackson.getConverter();
    }

    private static String subjectOf(JsonNode tree, PersonalFields fields) {
        JsonNode subject = tree.get(fields.subject());
        if (subject == null || !subject.isTextual() || subject.asText().isEmpty()) {
            throw new SerializationException("personal data without its subject in " + fields.subject());
        }
        return subject.asText();
    }

    private String encrypt(SecretKey key, String subject, byte[] clear) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(clear);
            byte[] stored = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return MARKER + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new SerializationException("cannot encrypt personal data", e);
        }
    }

    private static byte[] decrypt(SecretKey key, String subject, String marked) {
        try {
            byte[] stored = Base64.getDecoder().decode(marked.substring(MARKER.length()));
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SerializationException("cannot decrypt personal data of " + subject, e);
        }
    }

    /** The stored names of a record type's personal components, whether each is text, and the one naming the subject. */
    private record PersonalFields(String subject, List<String> names, List<Boolean> textual) {

        static Optional<PersonalFields> of(Class<?> type) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            String subject = null;
            List<String> names = new ArrayList<>();
            List<Boolean> textual = new ArrayList<>();
            for (var component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(DataSubject.class)) {
                    subject = StableNames.fieldName(component);
                }
                if (component.isAnnotationPresent(PersonalData.class)) {
                    names.add(StableNames.fieldName(component));
                    textual.add(component.getType() == String.class);
                }
            }
            if (names.isEmpty()) {
                return Optional.empty();
            }
            if (subject == null) {
                throw new IllegalStateException(type.getName() + " has personal data but no @DataSubject");
            }
            return Optional.of(new PersonalFields(subject, List.copyOf(names), List.copyOf(textual)));
        }
    }
}
