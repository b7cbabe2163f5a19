export {
  countDocuments,
  findDocumentById,
  findDocumentBySha256,
  findDocumentsBySha256,
  getDocumentContent,
  insertDocument,
  insertDocuments
} from './documents.repository';
export type { NewDocument, ParseResult, StoredDocument } from './documents.repository';
export {
  countArticlesAndComments,
  findArticleById,
  insertArticle,
  insertArticles,
  listArticlePage,
  listArticlesWithCommentCounts
} from './articles.repository';
export type {
  ArticleDetail,
  ArticleListItem,
  ArticlePage,
  NewArticle
} from './articles.repository';
export { findCommentById, findParentChain, listDirectReplies } from './comment-context.repository';
export type { ContextComment } from './comment-context.repository';
export {
  insertComments,
  insertCommentsOfArticles,
  listCommentsOfArticle
} from './comments.repository';
export type { NewComment, StoredComment } from './comments.repository';
export { depthsFromParents, InvalidThreadError } from './thread-depths';
