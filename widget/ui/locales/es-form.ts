import type { FormStrings } from "../strings-form.js";

/** Loaded only on pages that ask for this language (see loadFormStrings). */
const es: FormStrings = {
  title: "Contactar con soporte",
  intro:
    "Cuéntenos qué salió mal. Enviaremos con su mensaje lo que pasó en esta página, para que no tenga que explicarlo dos veces.",
  email: "Correo electrónico",
  subject: "Asunto",
  description: "Descripción",
  includeRecording: (seconds) =>
    seconds === 60
      ? "Incluir una grabación del último minuto"
      : `Incluir una grabación de los últimos ${seconds} segundos`,
  recordingHint: "El texto escrito y las contraseñas se ocultan en la grabación.",
  previewLabel: "Lo que enviaremos:",
  previewPage: (page) => `página ${page}`,
  previewClicks: (n) => (n === 1 ? "1 clic" : `${n} clics`),
  previewErrors: (n) => (n === 1 ? "1 error" : `${n} errores`),
  previewRecording: (seconds) => `${seconds} s de grabación`,
  previewNoRecording: "sin grabación",
  previewMasked: (fields, texts) =>
    `${[fields && (fields === 1 ? "1 campo oculto" : `${fields} campos ocultos`), texts && (texts === 1 ? "1 texto oculto" : `${texts} textos ocultos`)].filter(Boolean).join(" y ")}`,
  send: "Enviar",
  sending: "Enviando…",
  close: "Cerrar",
  cancel: "Cancelar",
  required: "Obligatorio",
  invalidEmail: "Introduzca una dirección de correo válida",
  fieldTooLong: (count, max) =>
    `Demasiado largo: ${count.toLocaleString("es")} caracteres, como máximo ${max.toLocaleString("es")}. Acórtelo; no se ha borrado nada de lo que escribió.`,
  created: (reference) => `Ticket ${reference} creado`,
  createdBody: "¡Gracias! Nuestro equipo de soporte tiene su mensaje. La respuesta aparecerá aquí.",
  uploading: (percent) => `Adjuntando la grabación… ${percent} %`,
  uploaded: "Grabación adjuntada.",
  uploadFailed: "No se pudo adjuntar la grabación, pero su ticket se ha creado.",
  errorNetwork:
    "No pudimos contactar con soporte. Compruebe su conexión y vuelva a intentarlo; su mensaje se conserva.",
  errorServer: "Soporte tiene problemas en este momento. Vuelva a intentarlo en un momento; su mensaje se conserva.",
  errorRejected: "Soporte no pudo aceptar este mensaje.",
  errorFix: "Corrija los campos marcados.",
  errorKey: "Este widget de soporte no está bien configurado, por eso no se pudo enviar su mensaje.",
  errorRateLimited: "Demasiados mensajes en poco tiempo. Espere un minuto y vuelva a intentarlo.",
  queuedTitle: "Mensaje guardado",
  queuedBody:
    "No pudimos contactar con soporte ahora. Su mensaje está guardado en este dispositivo y se enviará automáticamente: la próxima vez que abra esta página o cuando vuelva a estar en línea.",
  blockedTitle: "Esta página bloquea el envío",
  blockedBody:
    "La configuración de seguridad de esta página impide que el widget de ayuda contacte con soporte, así que su mensaje no puede enviarse desde aquí. Está guardado en este dispositivo y se enviará cuando el sitio lo permita; si es urgente, contacte con soporte por otra vía.",
  uploadQueued: "La grabación está guardada y se adjuntará automáticamente.",
  attachLabel: "Adjuntar capturas de pantalla o archivos",
  attachHint: "Arrastre archivos aquí o pegue una captura. Imágenes, PDF, texto, zip; hasta 10 MB cada uno.",
  attachedFiles: "Archivos adjuntos",
  removeFile: (name) => `Quitar ${name}`,
  filesNotAttached: (names) =>
    `No se pudo adjuntar ahora: ${names}. Su ticket se ha creado; adjúntelos de nuevo en la conversación.`,
  notAttached: (names) => `No adjuntado (tipo o tamaño, máx. 10 MB): ${names}`,
};
export default es;
