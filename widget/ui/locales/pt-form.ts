import type { FormStrings } from "../strings-form.js";

/** Loaded only on pages that ask for this language (see loadFormStrings). */
const pt: FormStrings = {
  title: "Falar com o suporte",
  intro:
    "Conte o que deu errado. Enviaremos junto com sua mensagem o que aconteceu nesta página, para que você não precise explicar duas vezes.",
  email: "E-mail",
  subject: "Assunto",
  description: "Descrição",
  includeRecording: (seconds) =>
    seconds === 60 ? "Incluir uma gravação do último minuto" : `Incluir uma gravação dos últimos ${seconds} segundos`,
  recordingHint: "O texto digitado e as senhas ficam ocultos na gravação.",
  previewLabel: "O que enviaremos:",
  previewPage: (page) => `página ${page}`,
  previewClicks: (n) => (n === 1 ? "1 clique" : `${n} cliques`),
  previewErrors: (n) => (n === 1 ? "1 erro" : `${n} erros`),
  previewRecording: (seconds) => `${seconds} s de gravação`,
  previewNoRecording: "sem gravação",
  previewMasked: (fields, texts) =>
    `${[fields && (fields === 1 ? "1 campo oculto" : `${fields} campos ocultos`), texts && (texts === 1 ? "1 texto oculto" : `${texts} textos ocultos`)].filter(Boolean).join(" e ")}`,
  send: "Enviar",
  sending: "Enviando…",
  close: "Fechar",
  cancel: "Cancelar",
  required: "Obrigatório",
  invalidEmail: "Informe um endereço de e-mail válido",
  fieldTooLong: (count, max) =>
    `Longo demais: ${count.toLocaleString("pt")} caracteres, no máximo ${max.toLocaleString("pt")}. Encurte o texto; nada do que você escreveu foi removido.`,
  created: (reference) => `Ticket ${reference} criado`,
  createdBody: "Obrigado! Nossa equipe de suporte recebeu sua mensagem. A resposta aparecerá aqui.",
  uploading: (percent) => `Anexando a gravação… ${percent}%`,
  uploaded: "Gravação anexada.",
  uploadFailed: "Não foi possível anexar a gravação, mas seu ticket foi criado.",
  errorNetwork: "Não conseguimos contatar o suporte. Verifique sua conexão e tente de novo; sua mensagem foi mantida.",
  errorServer: "O suporte está com problemas no momento. Tente de novo em instantes; sua mensagem foi mantida.",
  errorRejected: "O suporte não pôde aceitar esta mensagem.",
  errorFix: "Corrija os campos destacados.",
  errorKey: "Este widget de suporte não está configurado corretamente, por isso sua mensagem não pôde ser enviada.",
  errorRateLimited: "Mensagens demais em pouco tempo. Aguarde um minuto e tente de novo.",
  queuedTitle: "Mensagem salva",
  queuedBody:
    "Não conseguimos contatar o suporte agora. Sua mensagem está salva neste dispositivo e será enviada automaticamente: na próxima vez que você abrir esta página ou quando estiver on-line de novo.",
  blockedTitle: "Esta página bloqueia o envio",
  blockedBody:
    "As configurações de segurança desta página impedem que o widget de ajuda alcance o suporte, então sua mensagem não pode ser enviada daqui. Ela está salva neste dispositivo e será enviada quando o site permitir; se for urgente, contate o suporte de outra forma.",
  uploadQueued: "A gravação está salva e será anexada automaticamente.",
  attachLabel: "Anexar capturas de tela ou arquivos",
  attachHint: "Arraste arquivos para cá ou cole uma captura de tela. Imagens, PDF, texto, zip; até 10 MB cada.",
  attachedFiles: "Arquivos anexados",
  removeFile: (name) => `Remover ${name}`,
  filesNotAttached: (names) =>
    `Não foi possível anexar agora: ${names}. Seu ticket foi criado; anexe-os novamente na conversa.`,
  notAttached: (names) => `Não anexado (tipo ou tamanho, máx. 10 MB): ${names}`,
};
export default pt;
