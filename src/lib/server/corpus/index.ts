export {
  countDocuments,
  findDocumentById,
  findDocumentBySha256,
  getDocumentContent,
  insertDocument
} from './documents.repository';
export type { NewDocument, ParseResult, StoredDocument } from './documents.repository';
export { insertArticle, listArticlesWithCommentCounts } from './articles.repository';
export type { ArticleListItem, NewArticle } from './articles.repository';
export { insertComments, listCommentsOfArticle } from './comments.repository';
export type { NewComment, StoredComment } from './comments.repository';
export { depthsFromParents, InvalidThreadError } from './thread-depths';
