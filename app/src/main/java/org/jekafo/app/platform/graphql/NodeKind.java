package org.jekafo.app.platform.graphql;

import graphql.schema.DataFetchingEnvironment;

/**
 * A GraphQL type that implements {@code Node}, declared by its feature: its name, the class of the objects that
 * represent it, and how one is read by identifier (through the gate, as the feature's own query reads it).
 */
public interface NodeKind {

    String typeName();

    Class<?> representedBy();

    /** The operation whose access rule applies to reading one by id ({@code Query.member}): {@code node} obeys it too. */
    String readBy();

    /** The object, as the caller may see it, or {@code null} if there is none. */
    Object load(String identifier, DataFetchingEnvironment environment);
}
