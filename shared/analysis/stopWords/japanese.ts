// Japanese stop words, written for Marginalia: the closed word classes of Japanese (case and
// sentence-final particles, compound particles, the copula and auxiliary verbs with their common
// forms, demonstratives, personal pronouns, formal nouns, common conjunctions and adverbs), in the
// pieces Intl.Segmenter (ICU's dictionary word breaker) cuts Japanese into — e.g. "住んでいます"
// becomes 住 | んで | い | ます, so "んで", "い" and "ます" are listed. Compare SlothLib's list
// (Ohshima, Oyama, Tanaka, Kyoto University), which lists nouns only because it assumes a
// morphological analyser has already removed particles; a segmenter has not.
export const JAPANESE_STOP_WORDS: readonly string[] = `
は が を に で と も へ や の から まで より か ね よ な ぞ わ さ って とか など だけ しか ばかり ほど
くらい ぐらい こそ でも ても けど けれど けれども のに ので には では とは への での との からの までの
について に対する に対して によって による によると として において における にとって という といった
だ です でし でした だっ だった である であり でしょう だろう ます まし ました ません ませ ない なかっ
なかった なく た て てい ている てる いる い いた いま いまし ある あり あっ ありま あります した し
する しま します され される せる させる れる られる ら れ じ う よう そう らしい んで ん じゃ の で
これ それ あれ どれ この その あの どの ここ そこ あそこ どこ こちら そちら あちら どちら こう そう
ああ どう こと もの ところ とき ため 方 私 僕 俺 あなた 彼 彼女 彼ら 我々 自分 皆さん
また そして しかし でも だから ただ まだ もう とても さらに および 及び または 又は なお つまり
`.trim().split(/\s+/);
