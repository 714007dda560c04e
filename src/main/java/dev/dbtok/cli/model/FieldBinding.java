package dev.dbtok.cli.model;

import java.lang.reflect.Field;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.IScope;
import picocli.CommandLine.Model.IScoped;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.PicocliException;

/**
 * Reads and writes one field of one command (or mixin) object, as picocli's own binding of an annotated field does,
 * failures and their messages included.
 */
final class FieldBinding implements IGetter, ISetter, IScoped {
    private final Field field;
    private final Scope scope;

    FieldBinding(Field field, Object target) {
        field.setAccessible(true);
        this.field = field;
        this.scope = new Scope(target);
    }

    @Override
    public IScope getScope() {
        return scope;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
        try {
            return (T) field.get(scope.value);
        } catch (Exception e) {
            throw new PicocliException("Could not get value for field " + field, e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T set(T value) {
        try {
            T previous = (T) field.get(scope.value);
            field.set(scope.value, value);
            return previous;
        } catch (Exception e) {
            throw new PicocliException("Could not set value for field " + field + " to " + value, e);
        }
    }

    @Override
    public String toString() {
        return "FieldBinding(" + field.getType().getName() + " " + field.getDeclaringClass().getName() + "."
                + field.getName() + ")";
    }

    /** The object whose field is bound. */
    static final class Scope implements IScope {
        private Object value;

        Scope(Object value) {
            this.value = value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            T old = (T) this.value;
            this.value = value;
            return old;
        }
    }
}
