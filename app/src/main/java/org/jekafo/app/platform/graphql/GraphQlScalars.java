package org.jekafo.app.platform.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/** The {@code Date} (local date) and {@code DateTime} (UTC instant) scalars, ISO-8601 both ways. */
@Configuration(proxyBeanMethods = false)
class GraphQlScalars {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring
                .scalar(scalar("Date", LocalDate.class, LocalDate::parse, "une date AAAA-MM-JJ"))
                .scalar(scalar("DateTime", Instant.class, Instant::parse, "un instant ISO-8601 en UTC"));
    }

    private static <T> GraphQLScalarType scalar(String name, Class<T> type, Function<String, T> parser,
                                                String expected) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<T, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (type.isInstance(value)) {
                    return value.toString();
                }
                throw new CoercingSerializeException("not a " + name + ": " + value);
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                return parse(String.valueOf(input), CoercingParseValueException::new);
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue text) {
                    return parse(text.getValue(), CoercingParseLiteralException::new);
                }
                throw new CoercingParseLiteralException("« " + input + " » n'est pas " + expected + ".");
            }

            private T parse(String text, Function<String, RuntimeException> failure) {
                try {
                    return parser.apply(text);
                } catch (DateTimeParseException e) {
                    throw failure.apply("« " + text + " » n'est pas " + expected + ".");
                }
            }
        }).build();
    }
}
