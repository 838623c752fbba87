package io.checkup.testing;

import org.camunda.bpm.engine.impl.form.handler.DefaultTaskFormHandler;

/**
 * A task form handler of a team's own, as such handlers are written: extending the engine's, which
 * reads the task's generated form ({@code camunda:formHandlerClass} in the form-field fixtures).
 */
public class ExtendedTaskFormHandler extends DefaultTaskFormHandler {}
